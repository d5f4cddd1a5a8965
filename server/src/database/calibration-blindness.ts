import type { DataSource } from 'typeorm';

/**
 * Issue 15, blindness, as SQL for any query over evaluations (evaluations and coaching read it): the
 * evaluation (alias `e`) is someone else's on a call of a calibration session not yet revealed in
 * which the viewer takes part or is the expert. Any source: a participant sees neither the others'
 * calibration verdicts nor the call's other evaluations (nor what follows from them, such as a
 * coaching item's defects) until the reveal. `viewer` is a numbered parameter (`$2`), or by default
 * `?` for SqlFilter (then pass the viewer's id three times).
 */
export function blindToViewer(viewer = '?'): string {
  return `EXISTS (SELECT 1 FROM calibration_calls cc JOIN calibration_sessions cs ON cs.id = cc."sessionId"
  WHERE cc."recordingId" = e."recordingId" AND cs."revealedAt" IS NULL AND e."inspectorId" <> ${viewer}
    AND (cs."expertId" = ${viewer} OR EXISTS (SELECT 1 FROM calibration_participants cp WHERE cp."sessionId" = cs.id AND cp."userId" = ${viewer})))`;
}

/** The evaluation `evaluationId` (an SQL expression) is blind to the viewer (as in blindToViewer). */
export const evaluationBlindTo = (evaluationId: string, viewer?: string): string =>
  `EXISTS (SELECT 1 FROM evaluations e WHERE e.id = ${evaluationId} AND ${blindToViewer(viewer)})`;

/** Whether the evaluation is hidden from the viewer by a calibration session not yet revealed. */
export async function isEvaluationBlindTo(db: DataSource, evaluationId: string, viewerId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 WHERE ${evaluationBlindTo('$1::uuid', '$2::uuid')}`, [evaluationId, viewerId]);
  return rows.length > 0;
}
