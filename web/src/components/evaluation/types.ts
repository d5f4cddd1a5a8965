import type { Evaluation, EvaluationItem } from '#shared/api/evaluations';
import type { Verdict } from '#shared/scoring/score';

export type { EvaluationItem, Verdict };

/** What the item-by-item view needs of an evaluation. */
export type EvaluationDetails = Pick<Evaluation, 'comment' | 'items'>;

/** What the shared list columns show of a row of `GET /api/evaluations`. */
export type ListedEvaluation = Pick<
  Evaluation,
  'recordingId' | 'inspector' | 'inspectorName' | 'source' | 'checklistVersion' | 'score' | 'fatal' | 'submittedAt' | 'callStartedAt'
>;
