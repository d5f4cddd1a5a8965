import type { Proportion } from '../api/autocheck.js';
import { wilsonInterval } from '../rectification/failure-rate.js';

export type { Proportion };

/**
 * How far people agree with one automatic rule, measured honestly (issue 15). Where the inspector saw
 * the machine's verdict pre-filled, keeping it is the easy path, so "agreement" there reads near 100 %
 * by construction (anchoring). Only evaluations scored blind, the verdict unseen until submit, say how
 * right the rule is; the others say how often inspectors overturn a suggestion, nothing more.
 */

/** One rule's counts over submitted evaluations whose machine verdict was pass or fail. */
export interface RuleAgreementCounts {
  /** Evaluations scored blind. */
  blindEvaluated: number;
  /** …whose final verdict equals the machine's. */
  blindAgreed: number;
  /** …the machine failed. */
  blindMachineFailed: number;
  /** …people failed (the final verdict). */
  blindPeopleFailed: number;
  /** …both failed. */
  blindBothFailed: number;
  /** Evaluations that had the machine's verdict as a suggestion. */
  suggestedEvaluated: number;
  /** …whose final verdict differs from it. */
  suggestedOverturned: number;
}

export interface RuleAgreementFigures {
  /** Blind only: the final verdict equals the machine's. */
  agreement: Proportion;
  /** Blind only: of the calls the machine failed, the share people failed too (a false alarm otherwise). */
  precision: Proportion;
  /** Blind only: of the calls people failed, the share the machine had caught. */
  recall: Proportion;
  /** With the suggestion shown: the share of suggestions the inspector overturned. Not an accuracy. */
  overturned: Proportion;
}

export function proportion(count: number, of: number): Proportion {
  const { rate, low, high } = wilsonInterval(count, of);
  return { count, of, rate, low, high };
}

export function ruleAgreementFigures(c: RuleAgreementCounts): RuleAgreementFigures {
  return {
    agreement: proportion(c.blindAgreed, c.blindEvaluated),
    precision: proportion(c.blindBothFailed, c.blindMachineFailed),
    recall: proportion(c.blindBothFailed, c.blindPeopleFailed),
    overturned: proportion(c.suggestedOverturned, c.suggestedEvaluated),
  };
}
