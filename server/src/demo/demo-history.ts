import type { ChecklistItem } from '#shared/checklists/types.js';
import type { Verdict } from '#shared/scoring/score.js';

/**
 * The shape of the demo centre's history (a few weeks, so that every dashboard chart shows something
 * real) and how its inspectors score: pure, so the full default's figures are tested without
 * ingesting four weeks of audio.
 *
 * - The latest week has full-length calls (about 45 s, some stereo), three an agent a day; older weeks
 *   two short mono ones each (about 30 s): synthesised audio costs disk, 8 KB a second a channel.
 * - Days from the third before today on are scored in full, the day before yesterday half, yesterday
 *   not at all: the inspectors open the demo with a queue to work through.
 * - Agents differ by grade and get a little better week by week; inspectors differ in strictness.
 */

/** Days of the latest, full-length week. */
export const RECENT_DAYS = 7;

/** The default history (DEMO_CALL_DAYS, app-config.ts): four weeks of calls. */
export const DEFAULT_HISTORY_DAYS = 28;

/** Calls each agent takes on the day `daysAgo` before today. */
export function callsPerAgentOn(daysAgo: number, recentCallsPerAgent: number): number {
  return daysAgo <= RECENT_DAYS ? recentCallsPerAgent : Math.max(1, recentCallsPerAgent - 1);
}

/** Older weeks get short calls (opening, one exchange, confirmation, closing). */
export const shortCallsOn = (daysAgo: number): boolean => daysAgo > RECENT_DAYS;

/** The share of a day's sampled calls the demo scores: all of them up to the day before yesterday, half of that day, none of yesterday's. */
export function scoredShareOn(daysAgo: number): number {
  if (daysAgo >= 3) return 1;
  return daysAgo === 2 ? 0.5 : 0;
}

/** How likely an agent of a grade is to get an item wrong, against an average agent (1). */
const GRADE_WEAKNESS: Record<string, number> = { A: 0.4, B: 0.75, C: 1.1, intern: 1.7 };

/**
 * An agent's weakness on a day: his grade's, his own spread (0.8–1.25, fixed per agent by `own`,
 * a number in 0…1), and a little worse the further back (a centre that is improving).
 */
export function agentWeakness(grade: string, own: number, daysAgo: number): number {
  const base = GRADE_WEAKNESS[grade] ?? 1;
  return base * (0.8 + 0.45 * own) * (1 + 0.25 * Math.min(1, daysAgo / DEFAULT_HISTORY_DAYS));
}

/** Inspectors the demo knows, by how strict they are: above 1 fails more by ear, below 1 fewer. */
export const INSPECTOR_STRICTNESS: Record<string, number> = { inspector1: 1, inspector2: 1.35, inspector3: 0.8 };

/** An item's chance of failing by ear for an average agent and inspector. */
const EAR_FAIL_RATE = 0.035;
/** How often the inspector overrules the machine's verdict of an automatically checked item. */
const OVERRULE_RATE = 0.08;

export interface MachineVerdict {
  verdict: Verdict;
  /** Where its evidence starts, seconds into the call. */
  at?: number;
}

export interface ScoredInput {
  code: string;
  verdict: Verdict;
  comment?: string;
  at?: number;
}

const EAR_COMMENTS = ['解释不够通俗，客户追问了两次', '未复述确认客户需求', '业务知识不熟，回答含糊', '语气生硬，缺少耐心', '回答没有抓住重点'];

/**
 * An inspector's verdicts on one call: the automatic items as the machine said, now and then
 * overruled (a missed greeting heard in a noisy line, an overlap that was a backchannel); the items
 * scored by ear failed at a rate that grows with the agent's weakness and the inspector's strictness.
 * A forbidden phrase the machine found stays failed: that is the fatal evaluation.
 */
export function historyVerdicts(
  random: () => number,
  items: readonly ChecklistItem[],
  machine: ReadonlyMap<string, MachineVerdict>,
  weakness: number,
  strictness: number,
  duration: number,
): ScoredInput[] {
  return items.map((item) => {
    const auto = machine.get(item.code);
    if (auto && auto.verdict !== 'na') {
      const overrule = !item.critical && random() < OVERRULE_RATE;
      if (auto.verdict === 'fail' && !overrule) return { code: item.code, verdict: 'fail', comment: '与自动质检结果一致', at: auto.at };
      if (auto.verdict === 'pass' && overrule && random() < Math.min(0.9, 0.35 * strictness * weakness))
        return { code: item.code, verdict: 'fail', comment: '复听后判定未达标', at: Math.round(random() * Math.max(0, duration - 1) * 10) / 10 };
      return { code: item.code, verdict: 'pass' };
    }
    if (auto?.verdict === 'na' && item.allowNa) return { code: item.code, verdict: 'na' };
    if (random() < Math.min(0.6, EAR_FAIL_RATE * weakness * strictness)) {
      return {
        code: item.code,
        verdict: 'fail',
        comment: EAR_COMMENTS[Math.floor(random() * EAR_COMMENTS.length)],
        at: Math.round(random() * Math.max(0, duration - 1) * 10) / 10,
      };
    }
    return { code: item.code, verdict: 'pass' };
  });
}

/** About one scored evaluation in forty is amended by the supervisor after a dispute or a calibration. */
export const AMEND_EVERY = 40;
