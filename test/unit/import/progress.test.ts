import { describe, expect, it } from 'vitest';
import { progressLine, progressPrinter, type ImportProgress } from '#scripts/import/progress.js';

const at = (done: number, total = 500): ImportProgress => ({ total, done, imported: done, skipped: 0, refused: 0, elapsedSeconds: 10 });

describe('progress', () => {
  it('draws the bar, counts and rate', () => {
    expect(progressLine({ total: 500, done: 120, imported: 100, skipped: 15, refused: 5, elapsedSeconds: 9.756 })).toBe(
      '[##--------] 120/500  imported 100 · skipped 15 · refused 5  12.3 calls/s',
    );
    expect(progressLine(at(500))).toMatch(/^\[##########\] 500\/500 /);
    expect(progressLine({ ...at(0, 0), elapsedSeconds: 0 })).toMatch(/0\/0 .* 0\.0 calls\/s$/);
  });

  it('rewrites one line on a terminal', () => {
    const written: string[] = [];
    const printer = progressPrinter({ isTTY: true, write: (s: string) => written.push(s) > 0 });
    for (let done = 0; done <= 3; done++) printer.update(at(done, 3));
    printer.finish();
    expect(written).toHaveLength(5);
    expect(written.slice(0, 4).every((s) => s.startsWith('\r') && !s.includes('\n'))).toBe(true);
    expect(written[4]).toBe('\n');
  });

  it('prints a line every 5 % when not on a terminal', () => {
    const written: string[] = [];
    const printer = progressPrinter({ isTTY: false, write: (s: string) => written.push(s) > 0 });
    for (let done = 0; done <= 500; done++) printer.update(at(done));
    printer.finish();
    expect(written).toHaveLength(21);
    expect(written.every((s) => s.endsWith('\n') && !s.includes('\r'))).toBe(true);
    expect(written[1]).toContain(' 25/500 ');
    expect(written[20]).toContain(' 500/500 ');
  });
});
