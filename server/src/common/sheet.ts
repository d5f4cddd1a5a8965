import { isLocalDate } from './local-date.js';

/** What the uploads of sheets (the agents' HR sheet, the KPI operational figures) share. */

/** Sheets saved by Excel on a Chinese Windows are often GB18030, not UTF-8. */
export function decodeSheet(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Reads the date forms an HR sheet uses (2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日) as YYYY-MM-DD. */
export function parseSheetDate(value: string): string | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(value);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isLocalDate(iso) ? iso : null;
}

/** One row of a sheet as read: its line (1 = the header) and its cells, text from a CSV, typed from a workbook. */
export interface SheetRecord {
  line: number;
  cells: (string | number | Date | null)[];
}

const isZip = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * The rows of an uploaded sheet, judged by its bytes: an XLSX workbook (its first worksheet) or a CSV
 * in UTF-8 or GB18030. Empty rows are skipped; a file that reads as neither answers `error`.
 */
export async function readSheetRecords(bytes: Uint8Array): Promise<{ records: SheetRecord[]; error?: string }> {
  if (isZip(bytes)) {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(Buffer.from(bytes) as never);
    } catch (e) {
      return { records: [], error: `not a readable XLSX workbook: ${(e as Error).message.split('\n')[0]}` };
    }
    const sheet = book.worksheets[0];
    const records: SheetRecord[] = [];
    sheet?.eachRow({ includeEmpty: false }, (row, line) => {
      const values = (row.values as unknown[]).slice(1);
      const cells = values.map((v) => {
        if (v === undefined || v === null) return null;
        if (typeof v === 'number' || typeof v === 'string' || v instanceof Date) return v;
        const rich = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
        if (rich.result !== undefined) return rich.result as string | number | Date;
        if (Array.isArray(rich.richText)) return rich.richText.map((r) => r.text).join('');
        return typeof rich.text === 'string' ? rich.text : String(v);
      });
      if (cells.some((c) => c !== null && c !== '')) records.push({ line, cells });
    });
    return { records };
  }
  const { parse } = await import('csv-parse/sync');
  try {
    const parsed = parse(decodeSheet(bytes), { info: true, skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return { records: parsed.map((p) => ({ line: p.info.lines, cells: p.record })) };
  } catch (e) {
    return { records: [], error: `not a readable CSV file: ${(e as Error).message.split('\n')[0]}` };
  }
}
