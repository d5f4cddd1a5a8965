import { downloadText } from '#web/lib/download';

/** The columns the server's import reads (HR sheets' Chinese headings). */
export const AGENT_SHEET_HEADER = '工号,姓名,班组,入职日期,级别';

/** A template with one example row; the BOM makes Excel read it as UTF-8. */
export function downloadAgentTemplate(filename: string, exampleRow: string): void {
  downloadText(filename, `\uFEFF${AGENT_SHEET_HEADER}\r\n${exampleRow}\r\n`, 'text/csv;charset=utf-8');
}
