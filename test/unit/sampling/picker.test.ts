import { describe, expect, it } from 'vitest';
import { assignPicks, type Candidate, type FocusReason, pickCalls, type PickRules } from '#server/sampling/picker.js';

const rules: PickRules = { callsPerAgent: 2, focusExtraCalls: 2, guidedShare: 0.5, complaintBusinessTypes: ['投诉'] };

/** n calls for each agent; every third call failed FORBIDDEN, every fifth is a complaint when asked. */
function day(agents: string[], n: number, opts: { complaints?: boolean; failing?: boolean } = {}): Candidate[] {
  return agents.flatMap((agentId) =>
    Array.from({ length: n }, (_, i) => ({
      recordingId: `${agentId}-r${String(i).padStart(3, '0')}`,
      externalId: `${agentId}-${i}`,
      agentId,
      durationSeconds: 60 + ((i * 37) % 240),
      businessType: opts.complaints && i % 5 === 4 ? '投诉' : '话费查询',
      failedCodes: opts.failing !== false && i % 3 === 0 ? ['FORBIDDEN', 'GREETING'] : [],
    })),
  );
}

const shuffle = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a).length % 7) - (JSON.stringify(b).length % 7) || (String(a) < String(b) ? 1 : -1)).reverse();

describe('pickCalls', () => {
  it('gives the same picks for the same plan, day, calls and seed, whatever order the calls come in', () => {
    const calls = day(['A1', 'A2', 'A3'], 20);
    const once = pickCalls(calls, new Map(), rules, 42);
    expect(pickCalls(shuffle(calls), new Map(), rules, 42)).toEqual(once);
    expect(pickCalls(calls, new Map(), rules, 43)).not.toEqual(once);
  });

  it('takes calls per agent per day, half guided by failed rules and half purely random', () => {
    const picks = pickCalls(day(['A1', 'A2'], 30), new Map(), rules, 7);
    for (const agent of ['A1', 'A2']) {
      const mine = picks.filter((p) => p.agentId === agent);
      expect(mine.map((p) => p.reason).sort()).toEqual(['failed:FORBIDDEN', 'random']);
    }
  });

  it('fills the quota at random when no call failed a rule', () => {
    const picks = pickCalls(day(['A1'], 10, { failing: false }), new Map(), rules, 7);
    expect(picks.map((p) => p.reason)).toEqual(['random', 'random']);
  });

  it('keeps every pick random with a guided share of 0', () => {
    const picks = pickCalls(day(['A1'], 10), new Map(), { ...rules, guidedShare: 0 }, 7);
    expect(picks.map((p) => p.reason)).toEqual(['random', 'random']);
  });

  it.each<[string, FocusReason[], string]>([
    ['a new hire', ['new-hire'], 'new-hire'],
    ['a low scorer', ['low-score'], 'low-score'],
    ['an agent with a fatal evaluation', ['fatal', 'new-hire'], 'fatal'],
  ])('gives %s extra calls naming the reason', (_title, reasons, reason) => {
    const picks = pickCalls(day(['A1', 'A2'], 20), new Map([['A1', reasons]]), rules, 9);
    expect(picks.filter((p) => p.agentId === 'A1')).toHaveLength(4);
    expect(picks.filter((p) => p.agentId === 'A1' && p.reason === reason)).toHaveLength(2);
    expect(picks.filter((p) => p.agentId === 'A2')).toHaveLength(2);
  });

  it('takes every complaint call on top of the quota', () => {
    const calls = day(['A1'], 20, { complaints: true });
    const picks = pickCalls(calls, new Map(), rules, 3);
    expect(picks.filter((p) => p.reason === 'complaint')).toHaveLength(calls.filter((c) => c.businessType === '投诉').length);
    expect(picks.filter((p) => p.reason !== 'complaint')).toHaveLength(2);
  });

  it('never picks a call twice, even when an agent has fewer calls than the quota', () => {
    const picks = pickCalls(day(['A1'], 3), new Map([['A1', ['new-hire']]]), rules, 5);
    expect(picks).toHaveLength(3);
    expect(new Set(picks.map((p) => p.recordingId)).size).toBe(3);
  });

  it('draws guided picks evenly among the failing calls over many days (no bias to the first)', () => {
    const counts = new Map<string, number>();
    const calls = day(['A1'], 30);
    for (let seed = 0; seed < 3000; seed++) {
      for (const p of pickCalls(calls, new Map(), rules, seed).filter((x) => x.reason.startsWith('failed')))
        counts.set(p.recordingId, (counts.get(p.recordingId) ?? 0) + 1);
    }
    // 10 failing calls, 3000 draws of one: about 300 each.
    expect(counts.size).toBe(10);
    for (const n of counts.values()) expect(n).toBeGreaterThan(200);
  });
});

describe('assignPicks', () => {
  const inspectors = [
    { inspectorId: 'i2', username: 'wang' },
    { inspectorId: 'i1', username: 'lin' },
    { inspectorId: 'i3', username: 'gao' },
  ];

  it('spreads calls evenly by count and listening time, one inspector a call', () => {
    const picks = pickCalls(day(['A1', 'A2', 'A3', 'A4', 'A5'], 20), new Map(), rules, 11);
    const assigned = assignPicks(picks, inspectors);
    expect(assigned).toHaveLength(picks.length);
    expect(new Set(assigned.map((a) => a.recordingId)).size).toBe(picks.length);
    const count = (id: string) => assigned.filter((a) => a.inspectorId === id).length;
    const seconds = (id: string) => assigned.filter((a) => a.inspectorId === id).reduce((s, a) => s + a.durationSeconds, 0);
    const counts = inspectors.map((i) => count(i.inspectorId));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const times = inspectors.map((i) => seconds(i.inspectorId));
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(300);
  });

  it('gives a call only to an inspector whose teams cover it, and leaves out a call nobody covers', () => {
    const team = (agentId: string) => (agentId === 'A1' ? 'T1' : agentId === 'A2' ? 'T2' : 'T3');
    const picks = pickCalls(day(['A1', 'A2', 'A3'], 6), new Map(), rules, 5).map((p) => ({ ...p, teamId: team(p.agentId) }));
    const scoped = [
      { inspectorId: 'i1', username: 'lin', teamIds: ['T1'] },
      { inspectorId: 'i2', username: 'wang', teamIds: null },
      { inspectorId: 'i3', username: 'gao', teamIds: ['T1'] },
    ];
    const assigned = assignPicks(picks, scoped);
    for (const a of assigned) if (a.inspectorId !== 'i2') expect(a.teamId).toBe('T1');
    expect(assigned).toHaveLength(picks.length);
    expect(assigned.filter((a) => a.teamId !== 'T1').every((a) => a.inspectorId === 'i2')).toBe(true);
    // Without the whole-project inspector, teams 2 and 3 are nobody's: left out, never misassigned.
    const teamOnly = assignPicks(picks, scoped.slice(0, 1));
    expect(teamOnly.map((a) => a.teamId)).toEqual(picks.filter((p) => p.teamId === 'T1').map(() => 'T1'));
  });

  it('gives nothing when the project has no inspector', () => {
    expect(assignPicks(pickCalls(day(['A1'], 5), new Map(), rules, 1), [])).toEqual([]);
  });
});
