import ExcelJS from 'exceljs';

/**
 * The one writer of the files people open in Excel (the evaluations export, the analysis reports):
 * column titles in the reader's language (or the machine-readable keys for scripts), values as
 * Excel types (numbers, dates, booleans), the header row frozen and bold, each column a sensible width.
 */

/** Who reads the file: a person in Chinese or English, or a script that wants the stable keys. */
export type HeaderStyle = 'zh' | 'en' | 'keys';

export type CellType = 'text' | 'number' | 'integer' | 'percent' | 'date' | 'datetime' | 'boolean';

export type CellValue = string | number | boolean | Date | null | undefined;

export interface SheetColumn {
  /** Stable, machine-readable name: the header with `headers=keys`. */
  key: string;
  zh: string;
  en: string;
  type?: CellType;
  /** Width in characters; a default from the type when absent. */
  width?: number;
}

export interface Sheet {
  /** The tab's name in each language (the key is used with `keys`). */
  name: { key: string; zh: string; en: string };
  columns: SheetColumn[];
  rows: CellValue[][];
}

const DEFAULT_WIDTH: Record<CellType, number> = { text: 16, number: 10, integer: 10, percent: 10, date: 12, datetime: 20, boolean: 8 };
const NUMBER_FORMAT: Partial<Record<CellType, string>> = {
  number: '0.0',
  integer: '0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

export const titleOf = (column: { key: string; zh: string; en: string }, style: HeaderStyle): string => column[style === 'keys' ? 'key' : style];

/**
 * The reader's language: an explicit `lang` (`zh`, `zh-CN`, `en`…) wins, else the first language of
 * Accept-Language; Chinese unless English is asked for. `headers=keys` asks for the keys instead.
 */
export function headerStyleOf(q: { lang?: string; headers?: string }, acceptLanguage?: string): HeaderStyle {
  if (q.headers === 'keys') return 'keys';
  const lang = q.lang ?? acceptLanguage?.split(',')[0]?.trim();
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** A YYYY-MM-DD local date as an Excel date (midnight UTC, which Excel shows as that day). */
const asDate = (v: CellValue): CellValue => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v);

/**
 * An instant as Excel shows it: Excel has no time zones, so the wall-clock time of the centre (TZ)
 * is written as if it were UTC.
 */
function wallClock(v: CellValue): CellValue {
  const d = typeof v === 'string' ? new Date(v) : v;
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return v;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: process.env.TZ || 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return new Date(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`);
}

function xlsxValue(v: CellValue, type: CellType, style: HeaderStyle): ExcelJS.CellValue {
  if (v === undefined || v === null || v === '') return null;
  if (type === 'date') return asDate(v) as ExcelJS.CellValue;
  // For scripts an instant stays exact (ISO 8601 with its zone); for people it is the centre's clock time.
  if (type === 'datetime') return (style === 'keys' ? (v instanceof Date ? v.toISOString() : v) : wallClock(v)) as ExcelJS.CellValue;
  if ((type === 'number' || type === 'integer' || type === 'percent') && typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return v as ExcelJS.CellValue;
}

export async function writeXlsx(sheets: Sheet[], style: HeaderStyle): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(titleOf(s.name, style).slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = s.columns.map((c) => {
      const type = c.type ?? 'text';
      const title = titleOf(c, style);
      const width = Math.max(c.width ?? DEFAULT_WIDTH[type], Math.min(40, [...title].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) + 2));
      return { header: title, key: c.key, width, style: NUMBER_FORMAT[type] ? { numFmt: NUMBER_FORMAT[type] } : {} };
    });
    for (const row of s.rows) sheet.addRow(row.map((v, i) => xlsxValue(v, s.columns[i]?.type ?? 'text', style)));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function csvText(v: CellValue, type: CellType, style: HeaderStyle): string {
  if (v === undefined || v === null) return '';
  if (style !== 'keys' && type === 'datetime') {
    const d = wallClock(v);
    return d instanceof Date ? d.toISOString().slice(0, 19).replace('T', ' ') : String(d);
  }
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

const csvCell = (s: string, raw: CellValue) => {
  // A leading = + - @ would be run as a formula by Excel: quote it as text.
  const safe = /^[=+\-@]/.test(s) && typeof raw === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** One sheet as CSV: UTF-8 with a BOM, so Excel on a Chinese Windows opens the names correctly. */
export function writeCsv(sheet: Sheet, style: HeaderStyle): Buffer {
  const lines = [sheet.columns.map((c) => csvCell(titleOf(c, style), titleOf(c, style)))];
  for (const row of sheet.rows) lines.push(row.map((v, i) => csvCell(csvText(v, sheet.columns[i]?.type ?? 'text', style), v)));
  return Buffer.from('\uFEFF' + lines.map((l) => l.join(',')).join('\r\n') + '\r\n', 'utf8');
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';
