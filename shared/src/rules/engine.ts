/**
 * The automatic-check engine: compile a checklist's rules once (all phrase automata built together),
 * then run them on any number of transcripts. Pure: no I/O, runs in Node and in the browser.
 */
import { buildPhraseMatcher, findPhraseHits, type PhraseEntry, type PhraseHit, type PhraseMatcher } from './phrase-matching.js';
import { findInterruptions, findSilences, roundTime, TIME_EPSILON } from './timing.js';
import { normalise } from '../text/normalise.js';
import {
  DEFAULT_ACROSS_SEGMENTS_GAP_SECONDS,
  DEFAULT_FILLERS,
  DEFAULT_FORBIDDEN_HOMOPHONE_MIN_CHARS,
  DEFAULT_MAX_GAP_SECONDS,
  DEFAULT_MIN_OVERLAP_SECONDS,
  DEFAULT_REQUIRED_HOMOPHONE_MIN_CHARS,
  type Evidence,
  type PhraseRequiredRule,
  type RuleDefinition,
  type RuleResult,
  type RunOptions,
  type Segment,
  type ToleranceOptions,
  type Transcript,
} from './types.js';

export interface CompiledRules {
  readonly definitions: readonly RuleDefinition[];
  /** @internal */
  readonly matcher: PhraseMatcher;
}

function assertPhrases(code: string, phrases: unknown, nested: boolean): void {
  const ok = Array.isArray(phrases) && phrases.every((p) => (nested ? Array.isArray(p) && p.every((q) => typeof q === 'string') : typeof p === 'string'));
  if (!ok) throw new Error(`rule ${code}: phrases must be ${nested ? 'an array of arrays of strings' : 'an array of strings'}`);
}

/** A rule's tolerance switches as the matcher takes them (issue 17; every one on by default). */
function tolerancesOf(rule: ToleranceOptions): Pick<PhraseEntry, 'fillers' | 'stutters' | 'acrossGap'> {
  return {
    fillers: rule.fillers === false ? null : new Set((rule.fillerWords ?? DEFAULT_FILLERS).map((w) => normalise(w).text).filter(Boolean)),
    stutters: rule.stutters ?? true,
    acrossGap: rule.acrossSegments === false ? 0 : (rule.acrossSegmentsMaxGapSeconds ?? DEFAULT_ACROSS_SEGMENTS_GAP_SECONDS),
  };
}

export function compileRules(rules: readonly RuleDefinition[]): CompiledRules {
  const entries: PhraseEntry[] = [];
  rules.forEach(({ code, rule }, index) => {
    switch (rule.type) {
      case 'phrase-required': {
        assertPhrases(code, rule.phrases, true);
        const options = {
          rule: index,
          speaker: rule.speaker ?? 'agent',
          homophones: rule.homophones ?? true,
          homophoneMinChars: rule.homophoneMinChars ?? DEFAULT_REQUIRED_HOMOPHONE_MIN_CHARS,
          ...tolerancesOf(rule),
          fuzzy: rule.fuzzy ?? true,
        };
        rule.phrases.forEach((group, g) => group.forEach((phrase, k) => entries.push({ ...options, group: g, phrase, variant: k > 0 })));
        break;
      }
      case 'phrase-forbidden': {
        assertPhrases(code, rule.phrases, false);
        const options = {
          rule: index,
          group: 0,
          speaker: rule.speaker ?? 'agent',
          homophones: rule.homophones ?? true,
          homophoneMinChars: rule.homophoneMinChars ?? DEFAULT_FORBIDDEN_HOMOPHONE_MIN_CHARS,
          ...tolerancesOf(rule),
          // Never fuzzy: a missing or substituted character is another, innocent sentence.
          fuzzy: false,
        };
        rule.phrases.forEach((phrase) => entries.push({ ...options, phrase }));
        break;
      }
      case 'interrupt':
      case 'silence':
        break;
      default:
        throw new Error(`rule ${code}: unknown type ${(rule as { type?: unknown }).type}`);
    }
  });
  return { definitions: rules, matcher: buildPhraseMatcher(entries) };
}

/** When a character of a segment was said, estimated in proportion to its position. */
const timeAt = (segment: Segment, char: number) => segment.start + ((segment.end - segment.start) / Math.max(1, segment.text.length)) * char;

/** When a hit was said: its start and its end (two functions, no pair to allocate: hits are many). */
const hitStart = (hit: PhraseHit, segments: readonly Segment[]) => {
  const first = hit.parts?.[0] ?? hit;
  return timeAt(segments[first.segment], first.charStart);
};
const hitEnd = (hit: PhraseHit, segments: readonly Segment[]) => {
  const last = hit.parts?.[hit.parts.length - 1] ?? hit;
  return timeAt(segments[last.segment], last.charEnd);
};

function phraseEvidence(hit: PhraseHit, segments: readonly Segment[]): Evidence {
  const start = hitStart(hit, segments);
  const end = hitEnd(hit, segments);
  const evidence: Evidence = {
    segment: hit.segment,
    start: roundTime(start),
    end: roundTime(end),
    text: hit.parts
      ? hit.parts.map((p) => segments[p.segment].text.slice(p.charStart, p.charEnd)).join('')
      : segments[hit.segment].text.slice(hit.charStart, hit.charEnd),
    matched: hit.entry.phrase,
    charStart: hit.charStart,
    charEnd: hit.charEnd,
    how: hit.how,
    tolerances: hit.tolerances,
  };
  if (hit.parts) {
    evidence.segments = hit.parts.map((p) => p.segment);
    evidence.parts = hit.parts.map((p) => ({ ...p }));
  }
  if (hit.edits !== undefined) evidence.edits = hit.edits;
  return evidence;
}

function checkRequired(rule: PhraseRequiredRule, hits: PhraseHit[], segments: readonly Segment[], callEnd: number) {
  const window = rule.window;
  const inWindow = !window
    ? hits
    : hits.filter((hit) => {
        // Any part of the phrase inside the window counts.
        return window.from === 'start' ? hitStart(hit, segments) <= window.seconds + TIME_EPSILON : hitEnd(hit, segments) >= callEnd - window.seconds - TIME_EPSILON;
      });
  const satisfied = rule.phrases.every((_, group) => inWindow.some((hit) => hit.entry.group === group));
  if (satisfied) return { verdict: 'pass' as const, evidence: inWindow.map((hit) => phraseEvidence(hit, segments)) };
  // A phrase never said has no place in the call: nothing to point at. One said outside its window
  // (a late greeting, a goodbye long before the end) is pointed at, so the inspector jumps there.
  const missing = new Set(rule.phrases.map((_, group) => group).filter((group) => !inWindow.some((hit) => hit.entry.group === group)));
  const kept = new Set(inWindow);
  const outside = hits.filter((hit) => !kept.has(hit) && missing.has(hit.entry.group));
  return { verdict: 'fail' as const, evidence: outside.map((hit) => ({ ...phraseEvidence(hit, segments), outsideWindow: true as const })) };
}

export function runRules(compiled: CompiledRules, transcript: Transcript | null | undefined, options: RunOptions = {}): RuleResult[] {
  const segments = transcript?.segments;
  if (!segments || segments.length === 0) {
    return compiled.definitions.map(({ code }) => ({ code, verdict: 'na', evidence: [] }));
  }
  const hitsByRule: PhraseHit[][] = compiled.definitions.map(() => []);
  for (const hit of findPhraseHits(compiled.matcher, segments)) hitsByRule[hit.entry.rule].push(hit);
  // A fuzzy hit only stands for a group that nothing else matched (a later segment may have).
  hitsByRule.forEach((hits, rule) => {
    if (!hits.some((hit) => hit.edits !== undefined)) return;
    const exact = new Set(hits.filter((hit) => hit.edits === undefined).map((hit) => hit.entry.group));
    hitsByRule[rule] = hits.filter((hit) => hit.edits === undefined || !exact.has(hit.entry.group));
  });
  const callEnd = options.duration ?? segments.reduce((end, s) => Math.max(end, s.end), 0);

  return compiled.definitions.map(({ code, rule }, index): RuleResult => {
    switch (rule.type) {
      case 'phrase-required':
        return { code, ...checkRequired(rule, hitsByRule[index], segments, callEnd) };
      case 'phrase-forbidden': {
        const evidence = hitsByRule[index].map((hit) => phraseEvidence(hit, segments));
        return { code, verdict: evidence.length > 0 ? 'fail' : 'pass', evidence };
      }
      case 'interrupt': {
        const evidence = findInterruptions(segments, rule.minOverlapSeconds ?? DEFAULT_MIN_OVERLAP_SECONDS);
        return { code, verdict: evidence.length > 0 ? 'fail' : 'pass', evidence };
      }
      case 'silence': {
        const evidence = findSilences(segments, rule.maxGapSeconds ?? DEFAULT_MAX_GAP_SECONDS);
        return { code, verdict: evidence.length > 0 ? 'fail' : 'pass', evidence };
      }
    }
  });
}
