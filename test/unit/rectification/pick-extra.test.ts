import { describe, expect, it } from 'vitest';
import { type Candidate, pickCalls, pickExtra, type PickRules } from '#server/sampling/picker.js';

const rules: PickRules = { callsPerAgent: 2, focusExtraCalls: 2, guidedShare: 0, complaintBusinessTypes: ['投诉'] };

const day = (counts: Record<string, number>): Candidate[] =>
  Object.entries(counts).flatMap(([agentId, n]) =>
    Array.from({ length: n }, (_, i) => ({
      recordingId: `${agentId}-r${i}`,
      externalId: `${agentId}-${i}`,
      agentId,
      durationSeconds: 60,
      businessType: '话费查询',
      failedCodes: [],
    })),
  );

describe('pickExtra (picks on top of the plan, e.g. a rectification re-check)', () => {
  const calls = day({ A1: 5, A2: 5, A3: 2, B1: 5 });
  const plan = pickCalls(calls, new Map(), rules, 7);

  it('adds one unpicked call for each agent named, with the reason given', () => {
    const extra = pickExtra(calls, plan, ['A2', 'A1', 'A1'], 'rectification', 7);
    expect(extra.map((p) => [p.agentId, p.reason])).toEqual([
      ['A1', 'rectification'],
      ['A2', 'rectification'],
    ]);
    const planned = new Set(plan.map((p) => p.recordingId));
    for (const p of extra) expect(planned.has(p.recordingId)).toBe(false);
  });

  it('adds nothing for an agent with no calls left, nor for agents not named', () => {
    expect(pickExtra(calls, plan, ['A3'], 'rectification', 7)).toEqual([]);
    expect(pickExtra(calls, plan, [], 'rectification', 7)).toEqual([]);
  });

  it('is deterministic for a seed, whatever order the calls come in, and leaves the plan as it was', () => {
    const once = pickExtra(calls, plan, ['A1', 'A2'], 'rectification', 7);
    expect(pickExtra([...calls].reverse(), plan, ['A2', 'A1'], 'rectification', 7)).toEqual(once);
    expect(pickCalls(calls, new Map(), rules, 7)).toEqual(plan);
    const seeds = new Set(Array.from({ length: 20 }, (_, s) => pickExtra(calls, pickCalls(calls, new Map(), rules, s), ['A1'], 'rectification', s)[0].recordingId));
    expect(seeds.size).toBeGreaterThan(1); // drawn at random, not always the first call left
  });
});
