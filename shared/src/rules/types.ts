/** Automatic checks on a transcript (DOMAIN.md "Default rules a transcript can check"). */

export type Speaker = 'agent' | 'customer';

/** One stretch of speech; times in seconds from the start of the call (CONTRACT.md transcript format). */
export interface Segment {
  speaker: Speaker;
  start: number;
  end: number;
  text: string;
}

export interface Transcript {
  language?: string;
  segments: Segment[];
}

/** Where in the call a required phrase must be said: the first or the last `seconds` of it. */
export interface PhraseWindow {
  from: 'start' | 'end';
  seconds: number;
}

/** Homophone matching (same toneless pinyin, for speech-recognition errors such as 在见 for 再见). */
export interface HomophoneOptions {
  /** Default true. */
  homophones?: boolean;
  /**
   * Shortest phrase (in normalised characters) matched by sound; shorter ones match by text only.
   * Short phrases have too many homophones (请 would match 清 of 清楚). Default 2 for required
   * phrases, 4 for forbidden ones (a false forbidden hit makes the evaluation fatal).
   */
  homophoneMinChars?: number;
}

/** Pass when every group is satisfied by any one of its phrases. */
export interface PhraseRequiredRule extends HomophoneOptions {
  type: 'phrase-required';
  /** Groups of alternatives, e.g. [['请'], ['谢谢', '感谢']]. */
  phrases: string[][];
  /** Default 'agent'. */
  speaker?: Speaker;
  /** Default: anywhere in the call. */
  window?: PhraseWindow;
}

/** Fail when any phrase is said. */
export interface PhraseForbiddenRule extends HomophoneOptions {
  type: 'phrase-forbidden';
  phrases: string[];
  /** Default 'agent'. */
  speaker?: Speaker;
}

/** Fail when the agent starts speaking while the customer speaks and they overlap by ≥ minOverlapSeconds. */
export interface InterruptRule {
  type: 'interrupt';
  /** Default 1.0. */
  minOverlapSeconds?: number;
}

/** Fail when nobody speaks for ≥ maxGapSeconds between the first and the last words of the call. */
export interface SilenceRule {
  type: 'silence';
  /** Default 10. */
  maxGapSeconds?: number;
}

export type RuleConfig = PhraseRequiredRule | PhraseForbiddenRule | InterruptRule | SilenceRule;

export interface RuleDefinition {
  code: string;
  rule: RuleConfig;
}

export type Verdict = 'pass' | 'fail' | 'na';

export interface Evidence {
  /** Index in transcript.segments. */
  segment: number;
  /** Seconds; for a phrase, estimated within the segment in proportion to character position. */
  start: number;
  end: number;
  /** What was said: the original characters of the hit (the segment text for an interruption, '' for a silence). */
  text: string;
  /** The configured phrase that matched ('' for timing rules). */
  matched: string;
  /** [charStart, charEnd) of `text` in the segment's text (phrase hits only). */
  charStart?: number;
  charEnd?: number;
  /**
   * A required phrase said, but outside the rule's window (a greeting after the first 15 s): the
   * fail's evidence points at where it was said, so the inspector jumps there. Absent otherwise.
   */
  outsideWindow?: true;
}

export interface RuleResult {
  code: string;
  verdict: Verdict;
  evidence: Evidence[];
}

export interface RunOptions {
  /** Recording duration in seconds; the call's end for end windows. Default: the last segment end. */
  duration?: number;
}

export const DEFAULT_MIN_OVERLAP_SECONDS = 1.0;
export const DEFAULT_MAX_GAP_SECONDS = 10;
export const DEFAULT_REQUIRED_HOMOPHONE_MIN_CHARS = 2;
export const DEFAULT_FORBIDDEN_HOMOPHONE_MIN_CHARS = 4;
