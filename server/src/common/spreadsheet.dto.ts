import { IsIn, IsOptional } from 'class-validator';

/** How a downloaded spreadsheet titles its columns (see `headerStyleOf`). */
export class SpreadsheetQueryDto {
  /** The file's column titles: the reader's language (`zh`, `en`; else Accept-Language, Chinese by default). */
  @IsOptional()
  @IsIn(['zh', 'zh-CN', 'en'], { message: 'lang must be zh, zh-CN or en' })
  lang?: string;

  /** `keys`: machine-readable field names as column titles, for scripts. */
  @IsOptional()
  @IsIn(['keys'], { message: 'headers must be keys' })
  headers?: 'keys';
}
