/** Rules on who speaks when: interruptions and dead air. */
import type { Evidence, Segment } from './types.js';

/**
 * Thresholds are inclusive (DOMAIN.md: "≥ 1.0 s", "≥ 10 s"); times like 3.3 − 2.3 come out as
 * 0.9999999999999998 in floating point, so comparisons allow this much slack.
 */
export const TIME_EPSILON = 1e-6;

export const roundTime = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/**
 * An interruption: an agent segment starts while a customer segment is in progress
 * (customer.start < agent.start < customer.end) and they overlap by ≥ minOverlap.
 * One piece of evidence per interrupting agent segment, for its longest overlap.
 */
export function findInterruptions(segments: readonly Segment[], minOverlap: number): Evidence[] {
  const customers = segments.filter((s) => s.speaker === 'customer');
  // In start order (as transcripts almost always come), the customers starting after an agent
  // segment's start can be skipped all at once.
  let sorted = true;
  for (let k = 1; k < customers.length && sorted; k++) sorted = customers[k - 1].start <= customers[k].start;
  if (!sorted) customers.sort((a, b) => a.start - b.start);
  // Agents in start order too (as usual): the customers that started before an agent only grow in
  // number, and the longest overlap is with the latest end among them, so one pass over both.
  let agentsSorted = true;
  let previous = -Infinity;
  for (const s of segments) {
    if (s.speaker !== 'agent') continue;
    if (!(previous <= s.start)) agentsSorted = false;
    previous = s.start;
  }
  const evidence: Evidence[] = [];
  let started = 0;
  let latestEnd = -Infinity;
  for (let index = 0; index < segments.length; index++) {
    const agent = segments[index];
    if (agent.speaker !== 'agent') continue;
    let overlap = -Infinity;
    if (agentsSorted) {
      for (; started < customers.length && customers[started].start < agent.start; started++) {
        if (customers[started].end > latestEnd) latestEnd = customers[started].end;
      }
      if (agent.start < latestEnd) overlap = Math.min(agent.end, latestEnd) - agent.start;
    } else {
      for (const customer of customers) {
        if (!(customer.start < agent.start)) break;
        if (agent.start < customer.end) overlap = Math.max(overlap, Math.min(agent.end, customer.end) - agent.start);
      }
    }
    if (overlap >= minOverlap - TIME_EPSILON) {
      evidence.push({
        segment: index,
        start: roundTime(agent.start),
        end: roundTime(agent.start + overlap),
        text: agent.text,
        matched: '',
      });
    }
  }
  return evidence;
}

/**
 * Dead air: gaps of ≥ maxGap in the union of all speech (either speaker), between the first and the
 * last words. The evidence points at the segment that ends the gap.
 */
export function findSilences(segments: readonly Segment[], maxGap: number): Evidence[] {
  const evidence: Evidence[] = [];
  if (segments.length === 0) return evidence;
  // Transcripts come in time order almost always: then no copy and no sort (a hot path, issue 17).
  let sorted = true;
  for (let k = 1; k < segments.length && sorted; k++) sorted = segments[k - 1].start <= segments[k].start;
  const order = sorted ? null : segments.map((segment, index) => ({ index, start: segment.start })).sort((a, b) => a.start - b.start || a.index - b.index);
  const at = (k: number) => (order ? order[k].index : k);
  const first = segments[at(0)];
  let spokenUntil = Math.max(first.start, first.end);
  for (let k = 1; k < segments.length; k++) {
    const index = at(k);
    const { start, end } = segments[index];
    if (start - spokenUntil >= maxGap - TIME_EPSILON) {
      evidence.push({ segment: index, start: roundTime(spokenUntil), end: roundTime(start), text: '', matched: '' });
    }
    spokenUntil = Math.max(spokenUntil, Math.max(start, end));
  }
  return evidence;
}
