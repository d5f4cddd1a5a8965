import type { ImportProgress } from './progress.js';

/** A manifest row the import did not store, and why, for the operator to fix and run again. */
export interface RefusedCall {
  line: number;
  externalId: string;
  reason: string;
}

const HEADINGS = ['line', 'externalId', 'reason'];
const cells = (r: RefusedCall) => [String(r.line), r.externalId, r.reason];

/** The summary printed on stdout: the counts, then every refused row. */
export function summaryText(summary: ImportProgress & { refusedCalls: RefusedCall[]; reportFile: string }): string {
  const lines = [
    `${summary.total} calls in ${summary.elapsedSeconds.toFixed(1)} s: imported ${summary.imported} · ` +
      `skipped ${summary.skipped} (already in) · refused ${summary.refused}`,
  ];
  if (summary.refusedCalls.length) {
    lines.push('', 'Refused:', ...table([HEADINGS, ...summary.refusedCalls.map(cells)]));
  }
  lines.push('', `Report: ${summary.reportFile}`);
  return `${lines.join('\n')}\n`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].slice(0, -1).map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  // The last column (the reason) is left unpadded: it is long and free text.
  return rows.map((r) => r.map((cell, c) => (c < widths.length ? cell.padEnd(widths[c]) : cell)).join('  '));
}

/**
 * import-report.csv: the refused rows. Written even when empty, so a report left by an earlier run
 * never passes for this one's. The BOM makes Excel on a Chinese Windows read it as UTF-8.
 */
export function reportCsv(refused: RefusedCall[]): string {
  const rows = [HEADINGS, ...refused.map(cells)];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
