import { useMemo } from 'react';
import type { RuleResult } from '#shared/rules/types';
import type { PlayerRegion, TranscriptHighlight } from '#web/components/call-player';
import type { Defect, FormItem } from './form-model';

const EVIDENCE_COLOUR = 'rgba(255, 77, 79, 0.14)';
const DEFECT_COLOUR = 'rgba(255, 77, 79, 0.32)';
const PENDING_COLOUR = 'rgba(250, 173, 20, 0.35)';
const PASS_MARK = 'rgba(82, 196, 26, 0.22)';
const FAIL_MARK = 'rgba(255, 77, 79, 0.25)';

/** Waveform regions: the machine's failures (lighter), the defects (labelled with their item code), and a stretch being marked. */
export function useRegions(results: readonly RuleResult[] | undefined, defects: readonly Defect[], pending: { start: number; end: number } | null): PlayerRegion[] {
  return useMemo(() => {
    // A defect pre-filled from the machine's evidence is drawn once, as the defect.
    const shownAsDefect = (code: string, start: number) => defects.some((d) => d.code === code && Math.abs(d.at - start) < 0.15);
    const evidence = (results ?? [])
      .filter((r) => r.verdict === 'fail')
      .flatMap((r) =>
        r.evidence
          .filter((e) => !shownAsDefect(r.code, e.start))
          .map((e, i) => ({ id: `evidence-${r.code}-${i}`, start: e.start, end: Math.max(e.end, e.start), color: EVIDENCE_COLOUR })),
      );
    const marked = defects.map((d) => ({ id: `defect-${d.code}`, start: d.at, end: d.until ?? d.at, color: DEFECT_COLOUR, label: d.code }));
    const marking = pending ? [{ id: 'pending-defect', start: pending.start, end: pending.end, color: PENDING_COLOUR }] : [];
    return [...evidence, ...marked, ...marking];
  }, [results, defects, pending]);
}

/** Transcript marks: the words each phrase rule found, red where the rule failed, green where it passed. */
export function useHighlights(results: readonly RuleResult[] | undefined, items: readonly FormItem[]): TranscriptHighlight[] {
  return useMemo(
    () =>
      (results ?? []).flatMap((r) =>
        r.verdict === 'na'
          ? []
          : r.evidence
              .filter((e) => e.charStart !== undefined && e.charEnd !== undefined)
              .map((e) => ({
                segment: e.segment,
                charStart: e.charStart,
                charEnd: e.charEnd,
                color: r.verdict === 'fail' ? FAIL_MARK : PASS_MARK,
                title: items.find((i) => i.code === r.code)?.title ?? r.code,
              })),
      ),
    [results, items],
  );
}
