export { itemEarned, scoreEvaluation, type EvaluationScore, type ScoredItem, type Verdict } from './score.js';
