import { describe, expect, it } from 'vitest';
import { reportCsv, summaryText } from '#scripts/import/import-report.js';

const refused = [
  { line: 4, externalId: 'c-3', reason: '400 metadata.agent: unknown agent NOBODY' },
  { line: 12, externalId: 'c-10', reason: 'transcript file "t, 1.json" is not valid JSON' },
];

describe('import report', () => {
  it('prints the counts and a table of refused rows', () => {
    const text = summaryText({
      total: 20,
      done: 20,
      imported: 15,
      skipped: 3,
      refused: 2,
      elapsedSeconds: 4.04,
      refusedCalls: refused,
      reportFile: '/day/import-report.csv',
    });
    expect(text).toBe(
      [
        '20 calls in 4.0 s: imported 15 · skipped 3 (already in) · refused 2',
        '',
        'Refused:',
        'line  externalId  reason',
        '4     c-3         400 metadata.agent: unknown agent NOBODY',
        '12    c-10        transcript file "t, 1.json" is not valid JSON',
        '',
        'Report: /day/import-report.csv',
        '',
      ].join('\n'),
    );
  });

  it('leaves the table out when nothing was refused', () => {
    expect(summaryText({ total: 2, done: 2, imported: 2, skipped: 0, refused: 0, elapsedSeconds: 1, refusedCalls: [], reportFile: 'r.csv' })).not.toContain('Refused');
  });

  it('writes a CSV Excel opens as UTF-8, quoting what needs quoting', () => {
    expect(reportCsv(refused)).toBe(
      '\uFEFFline,externalId,reason\r\n4,c-3,400 metadata.agent: unknown agent NOBODY\r\n12,c-10,"transcript file ""t, 1.json"" is not valid JSON"\r\n',
    );
    expect(reportCsv([])).toBe('\uFEFFline,externalId,reason\r\n');
  });
});
