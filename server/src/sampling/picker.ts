/**
 * Which calls of a day to listen to, and who listens to each: pure and deterministic, so the same
 * plan, day, recordings and seed always give the same picks (the seed is stored with the run).
 */

import { seededRandom } from '#shared/random.js';

export type FocusReason = 'new-hire' | 'low-score' | 'fatal';
/**
 * Picks on top of the plan, asked for by another domain: a rectification notice re-checking a team, or a
 * coaching item whose effect is being checked (`coaching-check`: the coached agent's later calls).
 */
export type ExtraReason = 'rectification' | 'coaching-check' | 'grading';
/** Each extra reason draws from its own stream (rectification's is the original one). */
const EXTRA_STREAM: Record<ExtraReason, number> = { rectification: 0, 'coaching-check': 0x0c0ac4ed, grading: 0x06ad1e5 };
/** 'random' | 'complaint' | a focus reason | `failed:<RULE>` (guided by the automatic checks) | an extra reason. */
export type PickReason = 'random' | 'complaint' | FocusReason | `failed:${string}` | ExtraReason;

export interface Candidate {
  recordingId: string;
  externalId: string;
  agentId: string;
  durationSeconds: number;
  businessType: string | null;
  failedCodes: string[];
}

export interface PickRules {
  callsPerAgent: number;
  focusExtraCalls: number;
  /** 0…1: share of each agent's base picks drawn from calls that failed a rule. */
  guidedShare: number;
  complaintBusinessTypes: string[];
}

export interface Pick {
  recordingId: string;
  agentId: string;
  durationSeconds: number;
  reason: PickReason;
}

// Worst first: the reason named for a guided pick is the most serious rule the call failed.
const SEVERITY = ['FORBIDDEN', 'INTERRUPT', 'SILENCE', 'CONFIRM', 'GREETING', 'CLOSING', 'COURTESY'];
const severity = (code: string) => {
  const i = SEVERITY.indexOf(code);
  return i < 0 ? SEVERITY.length : i;
};

/** Draws k of the items without replacement (partial Fisher–Yates), removing them from `pool`. */
export function drawRandom<T>(pool: T[], k: number, random: () => number): T[] {
  const out: T[] = [];
  for (let i = 0; i < k && pool.length; i++) {
    const j = Math.floor(random() * pool.length);
    out.push(pool[j]);
    pool[j] = pool[pool.length - 1];
    pool.pop();
  }
  return out;
}

export function pickCalls(candidates: readonly Candidate[], focus: ReadonlyMap<string, FocusReason[]>, rules: PickRules, seed: number): Pick[] {
  const random = seededRandom(seed);
  const complaintTypes = new Set(rules.complaintBusinessTypes);
  const byAgent = new Map<string, Candidate[]>();
  // Sorted input makes the draw independent of the order the database returned rows in.
  const sorted = [...candidates].sort((a, b) => (a.agentId === b.agentId ? (a.externalId < b.externalId ? -1 : 1) : a.agentId < b.agentId ? -1 : 1));
  const picks: Pick[] = [];
  for (const c of sorted) {
    if (c.businessType && complaintTypes.has(c.businessType)) {
      picks.push({ recordingId: c.recordingId, agentId: c.agentId, durationSeconds: c.durationSeconds, reason: 'complaint' });
      continue; // every complaint call is listened to, on top of the quota
    }
    const list = byAgent.get(c.agentId) ?? [];
    list.push(c);
    byAgent.set(c.agentId, list);
  }
  const take = (c: Candidate, reason: PickReason) => picks.push({ recordingId: c.recordingId, agentId: c.agentId, durationSeconds: c.durationSeconds, reason });
  for (const [agentId, calls] of byAgent) {
    const guidedCount = Math.floor(rules.callsPerAgent * rules.guidedShare);
    const guided = drawRandom(
      calls.filter((c) => c.failedCodes.length),
      guidedCount,
      random,
    );
    for (const c of guided) {
      const worst = [...c.failedCodes].sort((a, b) => severity(a) - severity(b) || (a < b ? -1 : 1))[0];
      take(c, `failed:${worst}`);
    }
    const chosen = new Set(guided.map((c) => c.recordingId));
    const rest = calls.filter((c) => !chosen.has(c.recordingId));
    // The random share also tops up what the guided share could not fill, so the quota holds.
    for (const c of drawRandom(rest, rules.callsPerAgent - guided.length, random)) take(c, 'random');
    const reasons = focus.get(agentId) ?? [];
    if (reasons.length) for (const c of drawRandom(rest, rules.focusExtraCalls, random)) take(c, reasons[0]);
  }
  return picks;
}

/**
 * The extension point for picks on top of the plan: one more call of the day for each agent named,
 * drawn from the agent's calls the plan left (none when there are none left), with the reason given.
 * Its own random stream from the seed, so the plan's picks are the same with or without extras.
 */
export function pickExtra(candidates: readonly Candidate[], picked: readonly Pick[], agentIds: readonly string[], reason: ExtraReason, seed: number): Pick[] {
  const random = seededRandom((seed ^ 0x5eed1e55 ^ EXTRA_STREAM[reason]) >>> 0);
  const taken = new Set(picked.map((p) => p.recordingId));
  const extra: Pick[] = [];
  for (const agentId of [...new Set(agentIds)].sort()) {
    const left = candidates.filter((c) => c.agentId === agentId && !taken.has(c.recordingId)).sort((a, b) => (a.externalId < b.externalId ? -1 : 1));
    for (const c of drawRandom(left, 1, random)) {
      taken.add(c.recordingId);
      extra.push({ recordingId: c.recordingId, agentId: c.agentId, durationSeconds: c.durationSeconds, reason });
    }
  }
  return extra;
}

export interface InspectorLoad {
  inspectorId: string;
  username: string;
  /** The teams of the project the inspector sees; null for the whole project. */
  teamIds?: readonly string[] | null;
}

/** Whether the inspector may open a call of the team (finding 7: never hand out a call that answers 403). */
export const covers = (inspector: InspectorLoad, teamId: string | undefined): boolean => !inspector.teamIds || (!!teamId && inspector.teamIds.includes(teamId));

/**
 * Spreads picks over inspectors by count first, then by listening time: longest calls first, each
 * to whoever has the fewest calls so far among those whose scope covers the call's team (ties: least
 * time, then username). A call gets one inspector; a call no inspector covers is left out (the caller
 * reports it), never given to someone who could not open it.
 */
export function assignPicks<P extends Pick & { teamId?: string }>(picks: readonly P[], inspectors: readonly InspectorLoad[]): (P & { inspectorId: string })[] {
  if (!inspectors.length) return [];
  const load = inspectors.map((i) => ({ ...i, count: 0, seconds: 0 })).sort((a, b) => (a.username < b.username ? -1 : 1));
  const ordered = [...picks].sort((a, b) => b.durationSeconds - a.durationSeconds || (a.recordingId < b.recordingId ? -1 : 1));
  const assigned: (P & { inspectorId: string })[] = [];
  for (const p of ordered) {
    let best: (typeof load)[number] | undefined;
    for (const l of load) {
      if (!covers(l, p.teamId)) continue;
      if (!best || l.count < best.count || (l.count === best.count && l.seconds < best.seconds)) best = l;
    }
    if (!best) continue;
    best.count++;
    best.seconds += p.durationSeconds;
    assigned.push({ ...p, inspectorId: best.inspectorId });
  }
  return assigned;
}

/**
 * Which of a run's picks are scored blind (issue 15): round(share × picks) of them, drawn on their own
 * stream of the run's seed (sorted by id first), so the same run always blinds the same calls and the
 * share does not change which calls are picked.
 */
export function drawBlind(recordingIds: readonly string[], share: number, seed: number): Set<string> {
  const k = Math.round(Math.min(1, Math.max(0, share)) * recordingIds.length);
  return new Set(drawRandom([...recordingIds].sort(), k, seededRandom((seed ^ 0xb11dface) >>> 0)));
}

export { seededRandom };
