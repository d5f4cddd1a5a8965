import ExcelJS from 'exceljs';
import type { Evaluation } from '#shared/api/evaluations.js';

const HEADERS = ['id', 'recordingId', 'agent', 'agentName', 'team', 'inspector', 'source', 'checklistVersion', 'score', 'fatal', 'submittedAt'] as const;

/** One row an evaluation, then one column per item code with its verdict, as the JSON list gives them. */
function table(items: Evaluation[]): (string | number | boolean | null)[][] {
  const codes = [...new Set(items.flatMap((e) => e.items.map((i) => i.code)))];
  const rows: (string | number | boolean | null)[][] = [[...HEADERS, ...codes]];
  for (const e of items) {
    const verdicts = new Map(e.items.map((i) => [i.code, i.verdict]));
    rows.push([...HEADERS.map((h) => e[h] as string | number | boolean | null), ...codes.map((c) => verdicts.get(c) ?? '')]);
  }
  return rows;
}

const csvCell = (v: string | number | boolean | null) => {
  const s = v === null ? '' : String(v);
  // A leading = + - @ would be run as a formula by Excel: quote it as text.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** UTF-8 with a BOM, so Excel on a Chinese Windows opens the names correctly. */
export function evaluationsCsv(items: Evaluation[]): Buffer {
  return Buffer.from(
    '\uFEFF' +
      table(items)
        .map((r) => r.map(csvCell).join(','))
        .join('\r\n') +
      '\r\n',
    'utf8',
  );
}

export async function evaluationsXlsx(items: Evaluation[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('evaluations');
  for (const row of table(items)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
