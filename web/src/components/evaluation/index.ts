/** How an evaluation reads wherever evaluations are listed: the list's columns, its item-by-item verdicts, and its source, score and verdict labels. */
export { useEvaluationColumns } from './evaluation-columns';
export { EvaluationItems } from './evaluation-items';
export { clock, Score, SourceTag, sourceLabel, VerdictTag } from './evaluation-labels';
export type { EvaluationDetails, EvaluationItem, ListedEvaluation, Verdict } from './types';
