import { describe, expect, it } from 'vitest';
import { periodAround, wholePeriod } from '#shared/reports/periods.js';
import { classifyProblems, DEFAULT_THRESHOLDS, splitByMonths, type FailureRow } from '#server/reports/problems.js';

/** A team of `size` agents, the first `failing` of them failing X once each. */
const team = (size: number, failing: number): FailureRow[] =>
  Array.from({ length: size }, (_, n) => (n < failing ? { team: 'T', agent: `E${n}`, code: 'X', failures: 1 } : { team: 'T', agent: `E${n}`, code: null, failures: 0 }));

describe('classifyProblems', () => {
  it.each([
    ['2 of 7 agents (28.6 %)', 7, 2, false],
    ['3 of 10 agents (exactly 30 %)', 10, 3, true],
    ['2 of 6 agents (33 %)', 6, 2, true],
    ['1 of 2 agents (50 %, a single agent)', 2, 1, false],
    ['2 of 2 agents', 2, 2, true],
  ])('%s: common %s', (_title, size, failing, common) => {
    const [result] = classifyProblems(team(size, failing), DEFAULT_THRESHOLDS);
    expect(result.evaluatedAgents).toBe(size);
    expect(result.common.length).toBe(common ? 1 : 0);
    expect(result.individual.length).toBe(common ? 0 : failing);
  });

  it('counts an agent once however often he failed, and every failure', () => {
    const rows: FailureRow[] = [
      { team: 'T', agent: 'A', code: 'X', failures: 3 },
      { team: 'T', agent: 'B', code: 'X', failures: 1 },
      { team: 'T', agent: 'B', code: 'Y', failures: 2 },
      { team: 'U', agent: 'C', code: 'X', failures: 1 },
    ];
    expect(classifyProblems(rows, DEFAULT_THRESHOLDS)).toEqual([
      { team: 'T', evaluatedAgents: 2, common: [{ code: 'X', agents: 2, failures: 4 }], individual: [{ agent: 'B', code: 'Y', failures: 2 }] },
      { team: 'U', evaluatedAgents: 1, common: [], individual: [{ agent: 'C', code: 'X', failures: 1 }] },
    ]);
  });
});

describe('periods', () => {
  it('finds the week (Monday to Sunday) and month around a day', () => {
    expect(periodAround('week', '2026-11-20')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodAround('week', '2026-11-16')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodAround('week', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodAround('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('recognises a whole week or month only', () => {
    expect(wholePeriod('2026-11-16', '2026-11-22')).toEqual({ kind: 'week', from: '2026-11-16' });
    expect(wholePeriod('2026-11-01', '2026-11-30')).toEqual({ kind: 'month', from: '2026-11-01' });
    expect(wholePeriod('2026-11-16', '2026-11-21')).toBeNull();
    expect(wholePeriod('2026-11-17', '2026-11-23')).toBeNull();
  });
});

describe('splitByMonths', () => {
  it.each([
    ['a week inside a month', '2026-11-16', '2026-11-22', null, [['2026-11-16', '2026-11-22']]],
    ['one whole month', '2026-11-01', '2026-11-30', ['2026-11-01', '2026-11-01'], []],
    ['a whole year', '2026-01-01', '2026-12-31', ['2026-01-01', '2026-12-01'], []],
    [
      'a year from mid-month',
      '2025-11-15',
      '2026-11-14',
      ['2025-12-01', '2026-10-01'],
      [
        ['2025-11-15', '2025-11-30'],
        ['2026-11-01', '2026-11-14'],
      ],
    ],
    ['across a year end, no whole month', '2025-12-20', '2026-01-10', null, [['2025-12-20', '2026-01-10']]],
    ['February of a leap year', '2028-02-01', '2028-02-29', ['2028-02-01', '2028-02-01'], []],
    ['February not quite whole', '2028-02-01', '2028-02-28', null, [['2028-02-01', '2028-02-28']]],
    ['one day', '2026-11-20', '2026-11-20', null, [['2026-11-20', '2026-11-20']]],
  ])('%s', (_title, from, to, months, days) => {
    const split = splitByMonths(from, to);
    expect(split.months && [split.months.from, split.months.to]).toEqual(months);
    expect(split.days.map((d) => [d.from, d.to])).toEqual(days);
  });
});
