import type { FormState, ItemState } from './form-model';

/**
 * The keyboard flow of the workspace, kept pure (issue 15, "fewer keystrokes"): where a verdict key
 * sends the focus, which items "pass the rest" scores, whether the inspector has listened, and what
 * an undo puts back.
 */

/**
 * The next item still without a verdict after `from` in the checklist's order, wrapping round to the
 * top; `from` itself only when it is the one left. Null when every item is scored.
 */
export function nextUnscored(order: readonly string[], form: FormState, from: string | null): string | null {
  const at = from ? order.indexOf(from) : -1;
  for (let step = 1; step <= order.length; step++) {
    const code = order[(at + step + order.length) % order.length];
    if (!form.items[code]?.verdict) return code;
  }
  return null;
}

/** The items without a verdict, in the checklist's order: what "pass the rest" marks as passed. */
export const unscoredCodes = (order: readonly string[], form: FormState): string[] => order.filter((code) => form.items[code] && !form.items[code].verdict);

/** A share of the call played: "listened" from this on (90 %). */
export const LISTENED_SHARE = 0.9;

/** A stretch of the call played, in seconds (the audio element's `played` ranges). */
export interface PlayedRange {
  start: number;
  end: number;
}

/**
 * The share of the call (0–1) covered by the stretches played, each second counted once however often
 * it was played; skipped or sought-over parts do not count. 0 for an unknown duration.
 */
export function playedShare(ranges: readonly PlayedRange[], duration: number): number {
  if (!(duration > 0)) return 0;
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, Math.min(r.start, r.end)), end: Math.min(duration, Math.max(r.start, r.end)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  let covered = 0;
  let reach = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, reach);
    if (r.end > start) covered += r.end - start;
    reach = Math.max(reach, r.end);
  }
  return Math.min(1, covered / duration);
}

/** The inspector has listened: at least 90 % of the call played (a call reaching its end by seeking does not count). */
export const hasListened = (share: number) => share >= LISTENED_SHARE;

/** The state of some items before a change: an undo puts exactly this back (verdict, comment and defect time). */
export type ItemsSnapshot = Record<string, ItemState>;

export function snapshotOf(form: FormState, codes: readonly string[]): ItemsSnapshot {
  return Object.fromEntries(codes.flatMap((code) => (form.items[code] ? [[code, { ...form.items[code] }]] : [])));
}

/** The form with a snapshot put back: the snapshot's items as they were, the others untouched. */
export function restoreSnapshot(form: FormState, snapshot: ItemsSnapshot): FormState {
  const items = { ...form.items };
  for (const [code, state] of Object.entries(snapshot)) if (items[code]) items[code] = { ...state };
  return { ...form, items };
}

/** An undo stack of snapshots, newest last, at most `limit` deep. */
export function pushUndo(stack: readonly ItemsSnapshot[], snapshot: ItemsSnapshot, limit = 50): ItemsSnapshot[] {
  if (!Object.keys(snapshot).length) return [...stack];
  return [...stack, snapshot].slice(-limit);
}
