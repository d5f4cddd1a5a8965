/**
 * Finding configured phrases in segments: one automaton over the normalised text for every phrase of
 * every rule, and one over sound codes (toneless pinyin) for the phrases that allow homophones.
 * Each segment is normalised and scanned once, whatever the number of rules and phrases.
 */
import { AhoCorasick } from '../text/aho-corasick.js';
import { normalise, normaliseCodes, originalRange } from '../text/normalise.js';
import { phraseSoundVariants, toSoundCodes } from '../text/pinyin.js';
import type { Segment, Speaker } from './types.js';

/** One configured phrase of one rule. */
export interface PhraseEntry {
  rule: number;
  group: number;
  phrase: string;
  speaker: Speaker;
  homophones: boolean;
  homophoneMinChars: number;
}

export interface PhraseMatcher {
  exact: AhoCorasick;
  exactRefs: PhraseEntry[][];
  sound: AhoCorasick | null;
  soundRefs: PhraseEntry[][];
  /** Only segments of these speakers need scanning. */
  speakers: ReadonlySet<Speaker>;
}

export interface PhraseHit {
  entry: PhraseEntry;
  segment: number;
  /** [charStart, charEnd) in the segment's original text. */
  charStart: number;
  charEnd: number;
}

/** Adds `entry` under `pattern`, one pattern index per distinct pattern string. */
function addPattern(index: Map<string, number>, refs: PhraseEntry[][], pattern: string, entry: PhraseEntry): void {
  let at = index.get(pattern);
  if (at === undefined) {
    at = refs.length;
    index.set(pattern, at);
    refs.push([]);
  }
  refs[at].push(entry);
}

export function buildPhraseMatcher(entries: readonly PhraseEntry[]): PhraseMatcher {
  const exactIndex = new Map<string, number>();
  const exactRefs: PhraseEntry[][] = [];
  const soundIndex = new Map<string, number>();
  const soundRefs: PhraseEntry[][] = [];
  const speakers = new Set<Speaker>();
  for (const entry of entries) {
    const text = normalise(entry.phrase).text;
    if (text.length === 0) continue; // a phrase of punctuation only can never be said
    speakers.add(entry.speaker);
    addPattern(exactIndex, exactRefs, text, entry);
    if (entry.homophones && text.length >= entry.homophoneMinChars) {
      for (const variant of phraseSoundVariants(text)) {
        if (variant !== text) addPattern(soundIndex, soundRefs, variant, entry); // same string: nothing Han to hear
      }
    }
  }
  return {
    exact: new AhoCorasick([...exactIndex.keys()]),
    exactRefs,
    sound: soundRefs.length > 0 ? new AhoCorasick([...soundIndex.keys()]) : null,
    soundRefs,
    speakers,
  };
}

let soundBuf = new Uint16Array(4096);

/** Every hit of every phrase in the segments of its rule's speaker, ordered by segment and position. */
export function findPhraseHits(matcher: PhraseMatcher, segments: readonly Segment[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  segments.forEach((segment, index) => {
    if (!matcher.speakers.has(segment.speaker) || !segment.text) return;
    const { codes, map, length } = normaliseCodes(segment.text);
    const first = hits.length;
    const record = (refs: PhraseEntry[], start: number, end: number) => {
      for (const entry of refs) {
        if (entry.speaker !== segment.speaker) continue;
        const [charStart, charEnd] = originalRange(map, start, end, segment.text);
        hits.push({ entry, segment: index, charStart, charEnd });
      }
    };
    matcher.exact.scan(codes, length, (pattern, start, end) => record(matcher.exactRefs[pattern], start, end));
    if (matcher.sound) {
      if (soundBuf.length < length) soundBuf = new Uint16Array(Math.max(length, soundBuf.length * 2));
      toSoundCodes(codes, length, soundBuf);
      matcher.sound.scan(soundBuf, length, (pattern, start, end) => record(matcher.soundRefs[pattern], start, end));
    }
    if (hits.length - first > 1) tidy(hits, first);
  });
  return hits;
}

/**
 * Orders a segment's hits by position and drops a hit that overlaps an earlier one of the same phrase:
 * 谢谢谢谢 is said twice, not three times, and a phrase found by text is also found by sound.
 */
function tidy(hits: PhraseHit[], first: number): void {
  const sorted = hits.slice(first).sort((a, b) => a.charStart - b.charStart || a.charEnd - b.charEnd);
  const saidUntil = new Map<PhraseEntry, number>();
  const kept = sorted.filter((hit) => {
    if ((saidUntil.get(hit.entry) ?? -1) > hit.charStart) return false;
    saidUntil.set(hit.entry, hit.charEnd);
    return true;
  });
  hits.splice(first, sorted.length, ...kept);
}
