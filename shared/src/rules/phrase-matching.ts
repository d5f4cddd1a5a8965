/**
 * Finding configured phrases in segments: one automaton over the normalised text for every phrase of
 * every rule, and one over sound codes (toneless pinyin) for the phrases that allow homophones.
 *
 * What speech recognition does to a phrase is forgiven on the way in (issue 17), so that the two
 * automata still do all the work in one pass:
 * - consecutive segments of one speaker less than `acrossGap` seconds apart are read as one *run*;
 * - filler words (呃, 那个…) are left out of the run, and each kept character remembers the fillers
 *   skipped just before it;
 * - a character or a two-character word said twice in a row is kept once, the kept one stretched over
 *   the repetition (phrases are folded the same way, so 谢谢 still matches).
 * Each hit is then checked against its rule's own switches (a hit over a segment boundary is dropped
 * for a rule that does not allow it…) and says how it matched.
 *
 * Required phrases of FUZZY_MIN_CHARS+ characters may match with one edit per FUZZY_MIN_CHARS
 * characters, on the sound codes. Cut into (edits + 1) pieces, such a phrase always has one piece
 * said as it is (pigeonhole), so the pieces ride along in the sound automaton as *seeds*; only where
 * a seed is found, and only while the phrase's group has found nothing, a bounded Sellers
 * edit-distance table around it decides. A call that says its scripts costs nothing more.
 */
import { AhoCorasick } from '../text/aho-corasick.js';
import { normalise, normaliseCodes, normaliseUnit, UNIT_DROPPED, UNIT_NOT_SIMPLE } from '../text/normalise.js';
import { phraseSoundVariants, soundCode, soundString } from '../text/pinyin.js';
import { FUZZY_MIN_CHARS, MATCH_HOWS, type EvidencePart, type MatchHow, type Segment, type Speaker } from './types.js';

/** One configured phrase of one rule, with its rule's switches. */
export interface PhraseEntry {
  rule: number;
  group: number;
  phrase: string;
  speaker: Speaker;
  homophones: boolean;
  homophoneMinChars: number;
  /** Not the first phrase of its group: an alternative wording. */
  variant?: boolean;
  /** Normalised filler words this rule skips; null or absent: none. */
  fillers?: ReadonlySet<string> | null;
  stutters?: boolean;
  /** Largest gap in seconds (exclusive) a phrase may run over between two segments; 0 or absent: never. */
  acrossGap?: number;
  /** Required phrases only: one edit per FUZZY_MIN_CHARS characters, when the group found nothing. */
  fuzzy?: boolean;
}

interface Compiled {
  entry: PhraseEntry;
  /** Normalised length of the phrase (before folding stutters). */
  length: number;
  /**
   * Characters the phrase's own first / last folded position absorbs (谢谢: 1, 系统不行不行: 0 and 2):
   * repetitions there beyond these are a stutter outside the phrase.
   */
  ownFirst: number;
  ownLast: number;
  /** The phrase as the text automaton has it (normalised, stutters folded). */
  folded: string;
}

interface FuzzyPattern {
  /** The pattern's sound codes as sound-automaton letters (its pieces are patterns there: all have one). */
  letters: Uint16Array;
  maxEdits: number;
  refs: Compiled[];
}

/** A piece of a fuzzy pattern: found at text position i, the pattern would start at i − offset. */
interface Seed {
  pattern: FuzzyPattern;
  offset: number;
}

export interface PhraseMatcher {
  exact: AhoCorasick;
  exactRefs: Compiled[][];
  sound: AhoCorasick | null;
  soundRefs: Compiled[][];
  seedRefs: Seed[][];
  /** Only segments of these speakers need scanning. */
  speakers: ReadonlySet<Speaker>;
  /** What the runs fold: the union over every rule. */
  fillerFirst: Uint8Array;
  fillerWords: Map<number, string[]>;
  /** Per original code unit, what a run keeps of it (see learnUnit); filled lazily. */
  units: Int32Array;
  stutters: boolean;
  acrossGap: number;
  fuzzy: FuzzyPattern[];
}

export interface PhraseHit {
  entry: PhraseEntry;
  /** The first segment the phrase was said in; [charStart, charEnd) in its original text. */
  segment: number;
  charStart: number;
  charEnd: number;
  /** Said across segments: each segment's share, in order. */
  parts: EvidencePart[] | undefined;
  how: MatchHow;
  tolerances: MatchHow[];
  /** Fuzzy hits only. */
  edits: number | undefined;
  /** Where in its run, and its rank there (0 by text, 1 by sound, fuzzy: its edits): to order a run's hits. */
  runStart: number;
  runEnd: number;
  rank: number;
}

/** Adds `entry` under `pattern`, one pattern index per distinct pattern string. */
function addPattern<T>(index: Map<string, number>, refs: T[][], pattern: string, entry: T): void {
  let at = index.get(pattern);
  if (at === undefined) {
    at = refs.length;
    index.set(pattern, at);
    refs.push([]);
  }
  refs[at].push(entry);
}

// ------------------------------------------------------------------ runs

const FILLER = 1;
const BOUNDARY = 2;

const ABSORBED = 4;

/** What a position absorbed by folding stutters: its new original end, its last repetition's start, how many characters. */
interface Absorbed {
  end: number;
  last: number;
  count: number;
}

/**
 * The current run, in scratch buffers that grow as needed (the engine is synchronous). Per position
 * only its two automaton letters, its original start and its flags are stored (the letters stand for
 * the normalised code wherever a phrase could match); what is rare (a filler skipped before it, a
 * segment boundary, an absorbed repetition) lives in sparse side tables read at hit time.
 */
const run = {
  capacity: 0,
  length: 0,
  speaker: 'agent' as Speaker,
  /** The position's letter in the text automaton | its letter in the sound automaton << 16 (0: in no pattern). */
  letters: new Uint32Array(0),
  /** Original start (code unit) of the position's character in its segment's text. */
  oStart: new Int32Array(0),
  flags: new Uint8Array(0),
  /** Run positions where each segment starts, and the segments' indexes. */
  segStarts: [] as number[],
  segIndex: [] as number[],
  segments: 0,
  absorbed: new Map<number, Absorbed>(),
  fillers: new Map<number, string[]>(),
  gaps: new Map<number, number>(),
};

function grown<T extends Uint32Array | Int32Array | Uint8Array>(old: T, fresh: T): T {
  fresh.set(old);
  return fresh;
}

function reserve(needed: number): void {
  if (needed <= run.capacity) return;
  let size = Math.max(4096, run.capacity);
  while (size < needed) size *= 2;
  run.letters = grown(run.letters, new Uint32Array(size));
  run.oStart = grown(run.oStart, new Int32Array(size));
  run.flags = grown(run.flags, new Uint8Array(size));
  run.capacity = size;
}

/** The segment (its index in the transcript) of run position p. */
function segOf(p: number): number {
  const starts = run.segStarts;
  let i = run.segments - 1;
  while (i > 0 && starts[i] > p) i--;
  return run.segIndex[i];
}

const endOf = (p: number): number => (run.flags[p] & ABSORBED ? run.absorbed.get(p)!.end : run.oStart[p] + 1);
const absorbedCount = (p: number): number => (run.flags[p] & ABSORBED ? run.absorbed.get(p)!.count : 0);

function absorb(p: number, end: number, last: number, count: number): void {
  let a = run.flags[p] & ABSORBED ? run.absorbed.get(p) : undefined;
  if (!a) {
    a = { end, last, count: 0 };
    run.absorbed.set(p, a);
    run.flags[p] |= ABSORBED;
  }
  a.end = end;
  a.last = last;
  a.count += count;
}

function isHighSurrogateAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return unit >= 0xd800 && unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

// Per original code unit, the matcher's `units` table holds two slots, filled the first time the
// unit is seen: its normalised code (with FILLER_START when a filler word starts with it) or one of
// the markers, and its letters in the two automata (text | sound << 16). A character then costs one
// or two reads of one table instead of five.
const UNIT_SLOTS = 2;
const UNSEEN = -1;
const FILLER_START = 0x10000;

/** Fills the unit's slots; returns its first slot: the normalised code (and FILLER_START), UNIT_DROPPED or UNIT_NOT_SIMPLE. */
function learnUnit(matcher: PhraseMatcher, unit: number): number {
  let code = normaliseUnit(unit);
  const slot = unit * UNIT_SLOTS;
  if (code >= 0) {
    matcher.units[slot + 1] = matcher.exact.letter(code) | (soundLetterOf(matcher, code) << 16);
    if (matcher.fillerFirst[code] === 1) code |= FILLER_START;
  }
  matcher.units[slot] = code;
  return code;
}

const soundLetterOf = (matcher: PhraseMatcher, code: number): number => (matcher.sound ? matcher.sound.letter(soundCode(code)) : 0);

/** The filler word starting at normalised position i, if any (longest first). */
function fillerAt(matcher: PhraseMatcher, codes: Uint16Array, i: number, length: number): string | undefined {
  const words = matcher.fillerWords.get(codes[i]);
  if (!words) return undefined;
  for (const word of words) {
    if (i + word.length > length) continue;
    let k = 1;
    while (k < word.length && codes[i + k] === word.charCodeAt(k)) k++;
    if (k === word.length) return word;
  }
  return undefined;
}

/** fillerInText's answer when a unit ahead needs normaliseCodes: the caller takes the general path. */
const NOT_SIMPLE = '';
/** Where the filler fillerInText found ends: the original index of its last character. */
let fillerEnd = 0;

/** fillerAt read straight from the original text at index i (normalised to `code`), dropped units skipped. */
function fillerInText(matcher: PhraseMatcher, text: string, i: number, code: number): string | undefined {
  const words = matcher.fillerWords.get(code);
  if (!words) return undefined;
  const units = matcher.units;
  for (const word of words) {
    let k = 1;
    let j = i;
    while (k < word.length && ++j < text.length) {
      const unit = text.charCodeAt(j);
      let c = units[unit * UNIT_SLOTS];
      if (c === UNSEEN) c = learnUnit(matcher, unit);
      if (c === UNIT_DROPPED) continue;
      if (c === UNIT_NOT_SIMPLE) return NOT_SIMPLE;
      if ((c & ~FILLER_START) !== word.charCodeAt(k)) break;
      k++;
    }
    if (k === word.length) {
      fillerEnd = j;
      return word;
    }
  }
  return undefined;
}

let pendingFillers: string[] | undefined;
/** Position of a character that repeats the one two back (X Y X…): a two-character stutter if Y follows. */
let twoBack = -1;

/**
 * Appends one segment's text to the run, skipping fillers and folding stutters. One pass over the
 * original text through the matcher's `units` table; from a character that does not normalise to
 * exactly one code unit (an expansion, a surrogate pair: rare) on, appendRest takes over.
 */
function appendSegment(matcher: PhraseMatcher, segment: Segment, index: number, gap: number | undefined): void {
  const text = segment.text;
  const n = text.length;
  reserve(run.length + n); // every kept position here is one original code unit
  const { letters, oStart, flags } = run;
  const units = matcher.units;
  const fold = matcher.stutters;
  // Hot loop: module state in locals, written back at the end.
  let k = run.length;
  let two = twoBack;
  let pending = pendingFillers;
  const segmentStart = k;
  run.segStarts[run.segments] = k;
  run.segIndex[run.segments++] = index;
  // The codes of the last two kept positions of this segment (-1: none), to fold stutters.
  let last = -1;
  let beforeLast = -1;
  let at = 0;
  for (; at < n; at++) {
    const unit = text.charCodeAt(at);
    const slot = unit * UNIT_SLOTS;
    let c = units[slot];
    if (c < 0) {
      if (c === UNSEEN) c = learnUnit(matcher, unit);
      if (c === UNIT_DROPPED) continue;
      if (c === UNIT_NOT_SIMPLE) break;
    }
    if (c >= FILLER_START) {
      c -= FILLER_START;
      const word = fillerInText(matcher, text, at, c);
      if (word === NOT_SIMPLE) break;
      if (word !== undefined) {
        (pending ??= []).push(word);
        at = fillerEnd;
        continue;
      }
    }
    if (fold) {
      if (c === beforeLast && two === k - 1 && k - 3 >= segmentStart) {
        // X Y X Y: the second X Y stretches the first Y.
        k--;
        const x = 1 + absorbedCount(k);
        if (flags[k] & ABSORBED) run.absorbed.delete(k);
        absorb(k - 1, at + 1, at, x + 1);
        two = -1;
        pending = undefined;
        beforeLast = last;
        last = c;
        continue;
      }
      if (c === last) {
        absorb(k - 1, at + 1, at, 1);
        pending = undefined;
        continue;
      }
      two = c === beforeLast ? k : -1; // c !== last, or it had folded
    }
    letters[k] = units[slot + 1];
    oStart[k] = at;
    let f = 0;
    if (pending !== undefined) {
      f = FILLER;
      run.fillers.set(k, pending);
      pending = undefined;
    }
    if (k === segmentStart && k > 0) {
      f |= BOUNDARY;
      run.gaps.set(k, gap!);
    }
    flags[k] = f;
    k++;
    beforeLast = last;
    last = c;
  }
  run.length = k;
  twoBack = two;
  pendingFillers = pending;
  if (at < n) appendRest(matcher, text, at, segmentStart, gap, last, beforeLast);
}

/**
 * appendSegment's general path for text[from…]: normaliseCodes, then the same loop. Normalisation is
 * per character, so the rest of a text normalises to the rest of its normalised form.
 */
function appendRest(matcher: PhraseMatcher, text: string, from: number, segmentStart: number, gap: number | undefined, last: number, beforeLast: number): void {
  const { codes: nc, map, length } = normaliseCodes(from === 0 ? text : text.slice(from));
  reserve(run.length + length);
  const { letters, oStart, flags } = run;
  const fillerFirst = matcher.fillerFirst;
  const fold = matcher.stutters;
  let k = run.length;
  let two = twoBack;
  let pending = pendingFillers;
  for (let i = 0; i < length; i++) {
    const c = nc[i];
    if (fillerFirst[c] === 1) {
      const word = fillerAt(matcher, nc, i, length);
      if (word !== undefined) {
        (pending ??= []).push(word);
        i += word.length - 1;
        continue;
      }
    }
    const at = map[i] + from;
    if (fold) {
      if (c === beforeLast && two === k - 1 && k - 3 >= segmentStart) {
        k--;
        const x = 1 + absorbedCount(k);
        if (flags[k] & ABSORBED) run.absorbed.delete(k);
        absorb(k - 1, at + 1, at, x + 1);
        two = -1;
        pending = undefined;
        beforeLast = last;
        last = c;
        continue;
      }
      if (c === last) {
        absorb(k - 1, at + 1, at, 1);
        pending = undefined;
        continue;
      }
      two = c === beforeLast ? k : -1;
    }
    letters[k] = matcher.exact.letter(c) | (soundLetterOf(matcher, c) << 16);
    oStart[k] = at;
    let f = 0;
    if (pending !== undefined) {
      f = FILLER;
      run.fillers.set(k, pending);
      pending = undefined;
    }
    if (k === segmentStart && k > 0) {
      f |= BOUNDARY;
      run.gaps.set(k, gap!);
    }
    flags[k] = f;
    k++;
    beforeLast = last;
    last = c;
  }
  run.length = k;
  twoBack = two;
  pendingFillers = pending;
}

function resetRun(speaker: Speaker): void {
  run.length = 0;
  run.speaker = speaker;
  run.segments = 0;
  if (run.absorbed.size > 0) run.absorbed.clear();
  if (run.fillers.size > 0) run.fillers.clear();
  if (run.gaps.size > 0) run.gaps.clear();
  pendingFillers = undefined;
  twoBack = -1;
}

/**
 * Calls `scan` on every run of the speakers the matcher listens to: consecutive segments of one
 * speaker, joined while less than `acrossGap` seconds lie between them.
 */
let runSegments: readonly Segment[] = [];

function forEachRun(matcher: PhraseMatcher, segments: readonly Segment[], scan: () => void): void {
  runSegments = segments;
  for (const speaker of matcher.speakers) {
    let last: Segment | undefined;
    resetRun(speaker);
    for (let index = 0; index < segments.length; index++) {
      const segment = segments[index];
      if (segment.speaker !== speaker || !segment.text) continue;
      const gap = last ? segment.start - last.end : undefined;
      if (last && !(gap! < matcher.acrossGap)) {
        if (run.length > 0) scan();
        resetRun(speaker);
      }
      appendSegment(matcher, segment, index, last && run.length > 0 ? Math.max(0, gap!) : undefined);
      last = segment;
    }
    if (run.length > 0) scan();
  }
}

// ------------------------------------------------------------------ hits

/** The original characters of the hit being accepted: the first and the last position may be trimmed. */
const span = { start: 0, end: 0 };

/** The original end of a position's first character (before any repetition it absorbed). */
function firstEnd(p: number): number {
  return run.oStart[p] + 1;
}

/** A position's last repetition's original start (its own start when it absorbed none). */
const lastOf = (p: number): number => (run.flags[p] & ABSORBED ? run.absorbed.get(p)!.last : run.oStart[p]);

/** An original end that falls inside a surrogate pair, moved past it. */
function withPair(segment: number, end: number): number {
  return isHighSurrogateAt(runSegments[segment].text, end - 1) ? end + 1 : end;
}

/** Whether the hit on run positions [s, e) is one its rule accepts, and how it matched (its span in `span`). */
function accept(c: Compiled, s: number, e: number, byEdit: MatchHow[] | null, bySound: boolean): MatchHow[] | null {
  const entry = c.entry;
  if (entry.speaker !== run.speaker) return null;
  let mask = 0;
  span.start = run.oStart[s];
  span.end = endOf(e - 1);
  if (byEdit) for (const how of byEdit) mask |= HOW_BIT[how];
  else {
    // A repetition at either end of the hit is not part of the phrase (您好好休息 says 您好 once),
    // unless the phrase itself doubles the character there (谢谢).
    let said = e - s;
    for (let p = s; p < e; p++) if (run.flags[p] & ABSORBED) said += absorbedCount(p);
    if (e - s === 1 && c.length === 1) {
      said = 1;
      span.end = firstEnd(s);
    } else if (e - s > 1) {
      const first = absorbedCount(s);
      if (first > c.ownFirst) {
        said -= first - c.ownFirst;
        if (c.ownFirst === 0) span.start = lastOf(s);
      }
      const last = absorbedCount(e - 1);
      if (last > c.ownLast) {
        said -= last - c.ownLast;
        if (c.ownLast === 0) span.end = firstEnd(e - 1);
      }
    }
    if (said < c.length) return null; // 感谢 is not 谢谢 said once
    if (said > c.length) {
      if (!entry.stutters) return null;
      mask |= HOW_BIT.stutter;
    }
  }
  let across = false;
  let fillers = false;
  for (let p = s + 1; p < e; p++) {
    const f = run.flags[p] & (BOUNDARY | FILLER);
    if (f === 0) continue;
    if (f & BOUNDARY) {
      if (!((run.gaps.get(p) ?? Infinity) < (entry.acrossGap ?? 0))) return null;
      across = true;
    }
    if (f & FILLER) {
      const allowed = entry.fillers;
      if (!allowed || !run.fillers.get(p)!.every((w) => allowed.has(w))) return null;
      fillers = true;
    }
  }
  if (across) mask |= HOW_BIT['across-segments'];
  if (fillers) mask |= HOW_BIT['filler-skipped'];
  if (bySound) mask |= HOW_BIT.homophone;
  if (entry.variant) mask |= HOW_BIT.variant;
  return tolerancesOf(mask === 0 ? HOW_BIT.exact : mask);
}

/** Bit of each way of matching, in MATCH_HOWS order (most telling first). */
const HOW_BIT = Object.fromEntries(MATCH_HOWS.map((how, i) => [how, 1 << i])) as Record<MatchHow, number>;
/** By mask. */
const toleranceLists: (MatchHow[] | undefined)[] = [];

/** The ways in a mask, most telling first: one shared, frozen list per combination (hits are many). */
function tolerancesOf(mask: number): MatchHow[] {
  let list = toleranceLists[mask];
  if (!list) {
    list = Object.freeze(MATCH_HOWS.filter((how) => mask & HOW_BIT[how])) as MatchHow[];
    toleranceLists[mask] = list;
  }
  return list;
}

/** Original-character parts of run positions [s, e), the first starting and the last ending where `span` says. */
function partsOf(s: number, e: number): EvidencePart[] {
  const parts: EvidencePart[] = [];
  for (let p = s; p < e; p++) {
    const last = parts[parts.length - 1];
    const segment = segOf(p);
    if (last && last.segment === segment) last.charEnd = endOf(p);
    else {
      if (last) last.charEnd = withPair(last.segment, last.charEnd);
      parts.push({ segment, charStart: p === s ? span.start : run.oStart[p], charEnd: endOf(p) });
    }
  }
  const last = parts[parts.length - 1];
  last.charEnd = withPair(last.segment, span.end);
  return parts;
}

function makeHit(entry: PhraseEntry, s: number, e: number, tolerances: MatchHow[], rank: number, edits?: number): PhraseHit {
  const segment = segOf(s);
  // One shape for every hit (parts and edits present, maybe undefined): the engine reads them all.
  if (segOf(e - 1) === segment) {
    const charEnd = withPair(segment, span.end);
    return { entry, segment, charStart: span.start, charEnd, parts: undefined, how: tolerances[0], tolerances, edits, runStart: s, runEnd: e, rank };
  }
  const parts = partsOf(s, e);
  const { charStart, charEnd } = parts[0];
  return { entry, segment, charStart, charEnd, parts, how: tolerances[0], tolerances, edits, runStart: s, runEnd: e, rank };
}

const byPosition = (a: PhraseHit, b: PhraseHit) => a.runStart - b.runStart || a.runEnd - b.runEnd || a.rank - b.rank;

function inOrder(found: PhraseHit[]): boolean {
  for (let i = 1; i < found.length; i++) if (byPosition(found[i - 1], found[i]) > 0) return false;
  return true;
}

/**
 * Orders a run's hits by position and drops a hit that overlaps an earlier one of the same phrase:
 * a phrase found by text is also found by sound, and the text hit is kept.
 */
function tidy(found: PhraseHit[], out: PhraseHit[]): void {
  if (found.length > 1 && !inOrder(found)) found.sort(byPosition); // stable: in order already, the same
  const first = out.length; // out[first…] are the hits kept so far
  for (const f of found) {
    // A run holds a handful of hits: looking back beats a map.
    let overlaps = false;
    for (let i = out.length - 1; i >= first; i--) {
      if (out[i].entry === f.entry) {
        overlaps = out[i].runEnd > f.runStart;
        break;
      }
    }
    if (!overlaps) out.push(f);
  }
}

const groupKey = (entry: PhraseEntry) => entry.rule * 65536 + entry.group;

/**
 * Every hit of every phrase in the segments of its rule's speaker, ordered by run and position; then
 * the fuzzy hits (`edits` set) of required groups that had found nothing when their seed came by.
 * A later run may still find such a group exactly: the engine then drops its fuzzy hits.
 */
export function findPhraseHits(matcher: PhraseMatcher, segments: readonly Segment[]): PhraseHit[] {
  scanning = { matcher, hits: [], fuzzyHits: [], found: [], seeds: [], satisfied: matcher.fuzzy.length > 0 ? new Set<number>() : null };
  forEachRun(matcher, segments, scanRun);
  const { hits, fuzzyHits } = scanning;
  return fuzzyHits.length > 0 ? hits.concat(fuzzyHits) : hits;
}

/** The state of the findPhraseHits call in progress, so that the per-run and per-hit callbacks are made once. */
let scanning: {
  matcher: PhraseMatcher;
  hits: PhraseHit[];
  fuzzyHits: PhraseHit[];
  /** The hits of the run being scanned, before tidy. */
  found: PhraseHit[];
  /** [seed ref pattern, text position] pairs. */
  seeds: number[];
  satisfied: Set<number> | null;
};

/** Whether run positions [s, e) hold exactly the phrase's folded text: a sound hit there is the text hit again. */
function saidAsWritten(c: Compiled, s: number, e: number): boolean {
  const folded = c.folded;
  if (e - s !== folded.length) return false;
  // Text letters: the folded phrase is a text pattern, every character of it has one.
  const { letters } = run;
  const exact = scanning.matcher.exact;
  for (let k = 0; k < folded.length; k++) if ((letters[s + k] & 0xffff) !== exact.letter(folded.charCodeAt(k))) return false;
  return true;
}

function record(refs: Compiled[], s: number, e: number, rank: number): void {
  for (const c of refs) {
    // The text automaton found (or turned down) this very hit: accepting it again by sound would only
    // be dropped by tidy, the text hit ranking first.
    if (rank === 1 && saidAsWritten(c, s, e)) continue;
    const tolerances = accept(c, s, e, null, rank === 1);
    if (tolerances) scanning.found.push(makeHit(c.entry, s, e, tolerances, rank));
  }
}

const onExact = (pattern: number, s: number, e: number) => record(scanning.matcher.exactRefs[pattern], s, e, 0);
const onSound = (pattern: number, s: number, e: number) => {
  const matcher = scanning.matcher;
  if (matcher.soundRefs[pattern].length > 0) record(matcher.soundRefs[pattern], s, e, 1);
  if (matcher.seedRefs[pattern].length > 0) scanning.seeds.push(pattern, s);
};

function scanRun(): void {
  const state = scanning;
  const { matcher, hits, satisfied } = state;
  if (state.found.length > 0) state.found = [];
  if (state.seeds.length > 0) state.seeds = [];
  const length = run.length;
  // Both automata in one pass: hits come interleaved, and tidy orders them by position anyway.
  matcher.exact.scanPacked(run.letters, length, onExact, matcher.sound, onSound);
  if (state.found.length > 0) {
    const first = hits.length;
    tidy(state.found, hits);
    if (satisfied) for (let h = first; h < hits.length; h++) satisfied.add(groupKey(hits[h].entry));
  }
  if (state.seeds.length > 0) fuzzyRun(matcher, state.seeds, satisfied!, state.fuzzyHits);
}

/** Verifies the run's seeds of groups still unsatisfied: a bounded edit-distance table around each. */
function fuzzyRun(matcher: PhraseMatcher, seeds: number[], satisfied: Set<number>, out: PhraseHit[]): void {
  const found: PhraseHit[] = [];
  const tried = new Set<string>();
  for (let i = 0; i < seeds.length; i += 2) {
    for (const { pattern, offset } of matcher.seedRefs[seeds[i]]) {
      const wanted = pattern.refs.filter((c) => !satisfied.has(groupKey(c.entry)));
      if (wanted.length === 0) continue;
      const m = pattern.letters.length;
      const k = pattern.maxEdits;
      const from = Math.max(0, seeds[i + 1] - offset - k);
      const to = Math.min(run.length, seeds[i + 1] - offset + m + k);
      const key = `${matcher.fuzzy.indexOf(pattern)}:${from}`;
      if (tried.has(key)) continue;
      tried.add(key);
      // On letters: equal letters are equal sound codes, and a sound in no pattern (0) equals none.
      const best = alignWithin(pattern.letters, soundLettersOf(from, to), from, to, k);
      if (!best || best.edits === 0) continue; // said as it is: the exact pass decided (its switches turned it down)
      const byEdit: MatchHow[] = best.edits === 1 ? [best.kinds[0]] : ['fuzzy'];
      for (const c of wanted) {
        const tolerances = accept(c, best.start, best.end, byEdit, false);
        if (tolerances) found.push(makeHit(c.entry, best.start, best.end, tolerances, best.edits, best.edits));
      }
    }
  }
  if (found.length > 0) tidy(found, out);
}

let soundWindow = new Uint16Array(256);

/** The sound letters of run positions [from, to), at the same indexes of a scratch array. */
function soundLettersOf(from: number, to: number): Uint16Array {
  if (soundWindow.length < to) soundWindow = new Uint16Array(Math.max(to, soundWindow.length * 2));
  for (let p = from; p < to; p++) soundWindow[p] = run.letters[p] >>> 16;
  return soundWindow;
}

/**
 * Sellers' approximate matching of `pattern` within text[from, to): the best alignment (fewest
 * edits, then the earliest end) if it has at most `maxEdits`, with its start and its edits in order.
 */
function alignWithin(pattern: Uint16Array, text: Uint16Array, from: number, to: number, maxEdits: number) {
  const m = pattern.length;
  const w = to - from;
  if (w <= 0) return null;
  const d: Int32Array[] = [];
  for (let i = 0; i <= m; i++) {
    d.push(new Int32Array(w + 1));
    d[i][0] = i;
  }
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= w; j++) {
      const cost = pattern[i - 1] === text[from + j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j - 1] + cost, d[i - 1][j] + 1, d[i][j - 1] + 1);
    }
  }
  let endJ = 1;
  for (let j = 2; j <= w; j++) if (d[m][j] < d[m][endJ]) endJ = j;
  const edits = d[m][endJ];
  if (edits > maxEdits) return null;
  const kinds: MatchHow[] = [];
  let i = m;
  let j = endJ;
  while (i > 0) {
    const same = j > 0 && pattern[i - 1] === text[from + j - 1];
    if (j > 0 && d[i][j] === d[i - 1][j - 1] + (same ? 0 : 1)) {
      if (!same) kinds.unshift('one-substituted');
      i--;
      j--;
    } else if (d[i][j] === d[i - 1][j] + 1) {
      kinds.unshift('one-missing');
      i--;
    } else {
      kinds.unshift('one-extra');
      j--;
    }
  }
  return { start: from + j, end: from + endJ, edits, kinds };
}

// ------------------------------------------------------------------ building

/** Folds a normalised phrase exactly the way runs are folded (stutters), for the automata. */
export function foldStutters(text: string): string {
  return foldWithCounts(text).folded;
}

/** The folded phrase and how many characters each folded position absorbed. */
function foldWithCounts(text: string): { folded: string; counts: number[] } {
  const out: string[] = [];
  const counts: number[] = [];
  let two = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const k = out.length;
    if (k > 0) {
      if (two === k - 1 && k - 3 >= 0 && c === out[k - 2]) {
        out.pop();
        const x = 1 + counts.pop()!;
        counts[k - 2] += x + 1;
        two = -1;
        continue;
      }
      if (c === out[k - 1]) {
        counts[k - 1]++;
        continue;
      }
    }
    two = k - 2 >= 0 && c === out[k - 2] ? k : -1;
    out.push(c);
    counts.push(0);
  }
  return { folded: out.join(''), counts };
}

export function buildPhraseMatcher(entries: readonly PhraseEntry[]): PhraseMatcher {
  const exactIndex = new Map<string, number>();
  const exactRefs: Compiled[][] = [];
  const soundIndex = new Map<string, number>();
  const soundRefs: Compiled[][] = [];
  const seedRefs: Seed[][] = [];
  const soundSlot = (pattern: string): number => {
    let at = soundIndex.get(pattern);
    if (at === undefined) {
      at = soundRefs.length;
      soundIndex.set(pattern, at);
      soundRefs.push([]);
      seedRefs.push([]);
    }
    return at;
  };
  const speakers = new Set<Speaker>();
  const stutters = entries.some((e) => e.stutters);
  const acrossGap = Math.max(0, ...entries.map((e) => e.acrossGap ?? 0));

  // A filler that is part of a configured phrase is a word there: it is never skipped.
  const normalised = entries.map((e) => normalise(e.phrase).text);
  const fillerSet = new Set<string>();
  for (const e of entries) for (const w of e.fillers ?? []) if (w && !normalised.some((p) => p.includes(w))) fillerSet.add(w);
  const fillerFirst = new Uint8Array(0x10000);
  const fillerWords = new Map<number, string[]>();
  for (const w of [...fillerSet].sort((a, b) => b.length - a.length)) {
    const first = w.charCodeAt(0);
    fillerFirst[first] = 1;
    const list = fillerWords.get(first) ?? [];
    list.push(w);
    fillerWords.set(first, list);
  }

  const fuzzyIndex = new Map<string, number>();
  const fuzzyRefs: Compiled[][] = [];
  entries.forEach((entry, i) => {
    const text = normalised[i];
    if (text.length === 0) return; // a phrase of punctuation only can never be said
    speakers.add(entry.speaker);
    const { folded, counts } = stutters ? foldWithCounts(text) : { folded: text, counts: [0] };
    const compiled: Compiled = { entry, length: text.length, ownFirst: counts[0], ownLast: counts[counts.length - 1], folded };
    addPattern(exactIndex, exactRefs, folded, compiled);
    if (entry.homophones && text.length >= entry.homophoneMinChars) {
      // 谢谢 folds to 谢 in the text automaton, but its homophone 谢邪 does not fold: it is heard unfolded.
      const sounds = new Set([...phraseSoundVariants(folded), ...(folded !== text ? phraseSoundVariants(text) : [])]);
      for (const variant of sounds) {
        if (variant !== folded) soundRefs[soundSlot(variant)].push(compiled); // same string: nothing Han to hear
      }
    }
    if (entry.fuzzy && folded.length >= FUZZY_MIN_CHARS) {
      for (const variant of phraseSoundVariants(folded)) addPattern(fuzzyIndex, fuzzyRefs, variant, compiled);
    }
  });

  const fuzzy = [...fuzzyIndex.entries()].map(([p, at]): FuzzyPattern => {
    const pattern: FuzzyPattern = { letters: new Uint16Array(0), maxEdits: Math.floor(p.length / FUZZY_MIN_CHARS), refs: fuzzyRefs[at] };
    // edits + 1 pieces: an alignment with at most `edits` edits leaves one of them untouched.
    const pieces = pattern.maxEdits + 1;
    for (let q = 0; q < pieces; q++) {
      const a = Math.floor((q * p.length) / pieces);
      const b = Math.floor(((q + 1) * p.length) / pieces);
      seedRefs[soundSlot(p.slice(a, b))].push({ pattern, offset: a });
    }
    return pattern;
  });

  const fuzzyPatterns = [...fuzzyIndex.keys()];
  const sound = soundRefs.length > 0 ? new AhoCorasick([...soundIndex.keys()]) : null;
  for (const [i, pattern] of fuzzy.entries()) pattern.letters = Uint16Array.from(fuzzyPatterns[i], (ch) => sound!.letter(ch.charCodeAt(0)));
  return {
    exact: new AhoCorasick([...exactIndex.keys()]),
    exactRefs,
    sound,
    soundRefs,
    seedRefs,
    speakers,
    fillerFirst,
    fillerWords,
    units: new Int32Array(0x10000 * UNIT_SLOTS).fill(UNSEEN),
    stutters,
    acrossGap,
    fuzzy,
  };
}

/** The sound string of a phrase as the matcher reads it (tests and the report script). */
export const phraseSound = (phrase: string): string => soundString(normalise(phrase).text);
