/** An evaluation (a draft or a submitted one) and its items, as the server answers them. */
export type { Evaluation, EvaluationItem } from '#shared/api/evaluations';
export type { Verdict } from '#shared/scoring/score';
