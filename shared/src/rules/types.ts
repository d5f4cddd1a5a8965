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

/**
 * What speech recognition does to a phrase that the matcher forgives (issue 17). Every switch is on
 * by default; each rule of a checklist version may turn one off.
 */
export interface ToleranceOptions {
  /** Fillers inside a phrase are skipped (我不，呃，清楚). Default true. */
  fillers?: boolean;
  /** The fillers skipped; default DEFAULT_FILLERS. */
  fillerWords?: string[];
  /** A character or a two-character word said twice in a row counts once (我我不清楚, 我也我也不知道). Default true. */
  stutters?: boolean;
  /** A phrase may run over consecutive segments of the same speaker. Default true. */
  acrossSegments?: boolean;
  /** …when less than this many seconds lie between them. Default 2. */
  acrossSegmentsMaxGapSeconds?: number;
}

/** Pass when every group is satisfied by any one of its phrases. */
export interface PhraseRequiredRule extends HomophoneOptions, ToleranceOptions {
  type: 'phrase-required';
  /** Groups of alternatives, e.g. [['请'], ['谢谢', '感谢']]. */
  phrases: string[][];
  /** Default 'agent'. */
  speaker?: Speaker;
  /** Default: anywhere in the call. */
  window?: PhraseWindow;
  /**
   * Phrases of FUZZY_MIN_CHARS or more normalised characters also match with at most one character
   * missing, extra or substituted per FUZZY_MIN_CHARS characters (edit distance on toneless pinyin),
   * when no phrase of their group was said otherwise. Default true.
   */
  fuzzy?: boolean;
}

/**
 * Fail when any phrase is said. Never fuzzy: a missing or substituted character is a different,
 * innocent sentence (您不清楚的地方我再解释, 这事归我们管).
 */
export interface PhraseForbiddenRule extends HomophoneOptions, ToleranceOptions {
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

/** How a phrase was found, most telling first when several apply. */
export const MATCH_HOWS = [
  'one-missing',
  'one-extra',
  'one-substituted',
  'fuzzy',
  'across-segments',
  'filler-skipped',
  'stutter',
  'homophone',
  'variant',
  'exact',
] as const;
export type MatchHow = (typeof MATCH_HOWS)[number];

/** One segment's share of a phrase said across segments. */
export interface EvidencePart {
  segment: number;
  charStart: number;
  charEnd: number;
}

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
  /** Phrase hits: how the phrase was found (the most telling of `tolerances`). */
  how?: MatchHow;
  /** Phrase hits: every tolerance that was needed, `exact` alone when none. */
  tolerances?: MatchHow[];
  /**
   * A phrase said across segments: the segments it runs over (`segment` is the first) and each one's
   * share; `text` is the shares' original characters one after the other, `charStart`/`charEnd` the
   * first share.
   */
  segments?: number[];
  parts?: EvidencePart[];
  /** Fuzzy hits: the number of characters missing, extra or substituted. */
  edits?: number;
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
/** 呃 嗯 啊 哦 额, 那个, 就是 (issue 17). */
export const DEFAULT_FILLERS: readonly string[] = ['呃', '嗯', '啊', '哦', '额', '那个', '就是'];
export const DEFAULT_ACROSS_SEGMENTS_GAP_SECONDS = 2;
/** A fuzzy phrase has at least this many normalised characters and tolerates one edit per this many. */
export const FUZZY_MIN_CHARS = 6;
