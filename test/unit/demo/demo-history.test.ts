import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST } from '#shared/checklists/default-checklist.js';
import { itemsOf } from '#shared/checklists/types.js';
import { seededRandom } from '#shared/random.js';
import { scoreEvaluation } from '#shared/scoring/score.js';
import {
  agentWeakness,
  callsPerAgentOn,
  DEFAULT_HISTORY_DAYS,
  historyVerdicts,
  INSPECTOR_STRICTNESS,
  type MachineVerdict,
  RECENT_DAYS,
  scoredShareOn,
  shortCallsOn,
} from '#server/demo/demo-history.js';
import { demoAgents } from '#server/demo/demo-centre.js';
import { demoCall } from '#server/demo/demo-calls.js';

const items = itemsOf(DEFAULT_CHECKLIST);
const ruled = items.filter((i) => i.rule).map((i) => i.code);

/** The machine's verdicts on a call: each rule failed with the given chance, FORBIDDEN rarely. */
function machineOf(random: () => number, failRate: number): Map<string, MachineVerdict> {
  return new Map(ruled.map((code) => [code, { verdict: random() < (code === 'FORBIDDEN' ? 0.05 : failRate) ? 'fail' : 'pass', at: 3 }]));
}

/** Scores `n` simulated evaluations of one kind of agent by one inspector: the mean score and the fatal share. */
function simulate(grade: string, strictness: number, daysAgo: number, n = 2000) {
  const random = seededRandom(7);
  let sum = 0;
  let fatal = 0;
  let agreed = 0;
  let ruledVerdicts = 0;
  for (let k = 0; k < n; k++) {
    const machine = machineOf(random, 0.08);
    const verdicts = historyVerdicts(random, items, machine, agentWeakness(grade, 0.5, daysAgo), strictness, 40);
    const score = scoreEvaluation(verdicts.map((v) => ({ ...items.find((i) => i.code === v.code)!, verdict: v.verdict })));
    sum += score.score;
    if (score.fatal) fatal++;
    for (const v of verdicts) {
      const m = machine.get(v.code);
      if (!m) continue;
      ruledVerdicts++;
      if (m.verdict === v.verdict) agreed++;
    }
  }
  return { mean: sum / n, fatalShare: fatal / n, agreement: agreed / ruledVerdicts };
}

describe('the demo history of npm start (the default four weeks)', () => {
  it('has full-length calls, three an agent a day, in the latest week and two short mono-sized ones before', () => {
    const agents = demoAgents(new Date('2026-12-06T00:00:00Z')).filter((a) => !a.left).length;
    let calls = 0;
    let short = 0;
    for (let d = DEFAULT_HISTORY_DAYS; d >= 1; d--) {
      calls += agents * callsPerAgentOn(d, 3);
      if (shortCallsOn(d)) short += agents * callsPerAgentOn(d, 3);
    }
    expect(agents).toBe(31);
    expect(calls).toBe(31 * (7 * 3 + 21 * 2));
    expect(short).toBe(31 * 21 * 2);
    expect(callsPerAgentOn(RECENT_DAYS, 3)).toBe(3);
    expect(shortCallsOn(RECENT_DAYS)).toBe(false);
    expect(shortCallsOn(RECENT_DAYS + 1)).toBe(true);
  });

  it('makes short calls about two thirds the length of full ones, still with every part of the standard to check', () => {
    const toTraditional = (s: string) => s;
    const random = seededRandom(1);
    const full = Array.from({ length: 200 }, () => demoCall(random, 'inbound', toTraditional));
    const short = Array.from({ length: 200 }, () => demoCall(random, 'inbound', toTraditional, { short: true }));
    const mean = (calls: typeof full) => calls.reduce((s, c) => s + c.duration, 0) / calls.length;
    expect(mean(short)).toBeLessThan(mean(full) * 0.75);
    // Every one long enough for the demo's sampling plan, which leaves out calls under 15 s.
    expect(Math.min(...short.map((c) => c.duration))).toBeGreaterThanOrEqual(15);
    // Short good calls still greet, confirm and close.
    const good = short.find((c) => c.scenario === 'good')!;
    const text = good.transcript.segments.map((s) => s.text).join('');
    expect(text).toContain('您好');
    expect(text).toContain('是否将您的问题解释清楚');
    expect(text).toContain('再见');
  });

  it('scores every sampled call up to the day before yesterday, half of that day and leaves yesterday open', () => {
    expect([5, 3, 2, 1].map(scoredShareOn)).toEqual([1, 1, 0.5, 0]);
  });

  it('scores realistically: most calls pass, some are fatal, better agents and lenient inspectors score higher, the centre improves', () => {
    const average = simulate('C', 1, 14);
    expect(average.mean).toBeGreaterThan(75);
    expect(average.mean).toBeLessThan(95);
    expect(average.fatalShare).toBeGreaterThan(0.02);
    expect(average.fatalShare).toBeLessThan(0.1);
    // Inspectors mostly keep the machine's verdict, now and then overrule it.
    expect(average.agreement).toBeGreaterThan(0.85);
    expect(average.agreement).toBeLessThan(1);
    expect(simulate('A', 1, 14).mean).toBeGreaterThan(simulate('intern', 1, 14).mean);
    expect(simulate('C', INSPECTOR_STRICTNESS.inspector1, 14).mean).toBeGreaterThan(simulate('C', INSPECTOR_STRICTNESS.inspector2, 14).mean);
    expect(simulate('C', 1, 2).mean).toBeGreaterThan(simulate('C', 1, 27).mean);
  });

  it('never fails a machine-passed critical item by ear, and keeps a machine-failed forbidden phrase fatal', () => {
    const random = seededRandom(3);
    for (let k = 0; k < 500; k++) {
      const machine = machineOf(random, 0.1);
      const verdicts = historyVerdicts(random, items, machine, 2, 1.5, 30);
      const forbidden = verdicts.find((v) => v.code === 'FORBIDDEN')!;
      expect(forbidden.verdict).toBe(machine.get('FORBIDDEN')!.verdict);
      for (const v of verdicts) if (v.verdict === 'fail') expect(v.at).toBeGreaterThanOrEqual(0);
    }
  });
});
