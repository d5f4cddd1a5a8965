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
  const evidence: Evidence[] = [];
  segments.forEach((agent, index) => {
    if (agent.speaker !== 'agent') return;
    let overlap = -Infinity;
    for (const customer of customers) {
      if (customer.start < agent.start && agent.start < customer.end) {
        overlap = Math.max(overlap, Math.min(agent.end, customer.end) - agent.start);
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
  });
  return evidence;
}

/**
 * Dead air: gaps of ≥ maxGap in the union of all speech (either speaker), between the first and the
 * last words. The evidence points at the segment that ends the gap.
 */
export function findSilences(segments: readonly Segment[], maxGap: number): Evidence[] {
  const order = segments
    .map((segment, index) => ({ index, start: segment.start, end: Math.max(segment.start, segment.end) }))
    .sort((a, b) => a.start - b.start || a.index - b.index);
  const evidence: Evidence[] = [];
  let spokenUntil = order.length > 0 ? order[0].end : 0;
  for (let k = 1; k < order.length; k++) {
    const { index, start, end } = order[k];
    if (start - spokenUntil >= maxGap - TIME_EPSILON) {
      evidence.push({ segment: index, start: roundTime(spokenUntil), end: roundTime(start), text: '', matched: '' });
    }
    spokenUntil = Math.max(spokenUntil, end);
  }
  return evidence;
}
