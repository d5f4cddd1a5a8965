/**
 * Text normalisation for phrase matching (DOMAIN.md: matching must not care about Traditional vs
 * Simplified, full- vs half-width, punctuation or spaces).
 *
 * Each original character is normalised on its own, through a lookup table filled lazily the first
 * time the character is seen: NFKC, Traditional→Simplified (OpenCC hk→cn then tw→cn), lower case,
 * and punctuation / symbols / spaces / control and private-use characters dropped. Per character
 * (not per phrase) because it keeps an exact map back to the original characters, and because the
 * hot path then costs one array read per character instead of an OpenCC call (STACK.md trap 13).
 * Phrases and transcripts go through the same function, so they always agree.
 */
// The Traditional→Simplified build only: ~110 kB instead of the full 1.2 MB, which matters in the browser.
import * as OpenCC from 'opencc-js/t2cn';

export interface Normalised {
  /** The normalised text. */
  text: string;
  /** map[i] = index (UTF-16 code unit) in the original string of the character that produced text[i]. */
  map: number[];
}

/** Scratch views valid until the next call of normaliseCodes (the engine is synchronous). */
export interface NormalisedCodes {
  codes: Uint16Array;
  map: Int32Array;
  length: number;
}

const UNKNOWN = -1;
const DROP = -2;
const EXPANDS = -3; // normalises to something other than exactly one code unit: see `expansions`

/** BMP code unit → normalised code unit, or one of the markers above. */
let table: Int32Array | undefined;
/** Code point → normalised string, for characters that do not map to one code unit (and astral ones). */
const expansions = new Map<number, string>();
let toSimplified: ((text: string) => string) | undefined;

const DROPPED = /[\p{P}\p{S}\s\p{Cc}\p{Cf}\p{Co}]/gu;

/** Traditional-only forms OpenCC keeps as they are but whose Simplified writing is another character. */
const VARIANTS: Record<string, string> = { 妳: '你' };

function simplify(text: string): string {
  if (!toSimplified) {
    // Built once, lazily: OpenCC takes ~20 ms per converter to set up.
    const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
    toSimplified = (s) => tw(hk(s)); // hk misses a few Taiwan forms (著→着), tw misses a few HK ones
  }
  return toSimplified(text);
}

/** The normalised form of one character (one code point). */
export function normaliseChar(char: string): string {
  const simplified = simplify(char.normalize('NFKC'));
  return (VARIANTS[simplified] ?? simplified).toLowerCase().replace(DROPPED, '');
}

function learn(unit: number): number {
  // Surrogates stay UNKNOWN in the table so that pairs always take the slow path; a lone one is noise.
  if (unit >= 0xd800 && unit <= 0xdfff) return DROP;
  const out = normaliseChar(String.fromCharCode(unit));
  let value: number;
  if (out.length === 0) value = DROP;
  else if (out.length === 1) value = out.charCodeAt(0);
  else {
    expansions.set(unit, out);
    value = EXPANDS;
  }
  table![unit] = value;
  return value;
}

function expansionOf(codePoint: number): string {
  let out = expansions.get(codePoint);
  if (out === undefined) {
    out = normaliseChar(String.fromCodePoint(codePoint));
    expansions.set(codePoint, out);
  }
  return out;
}

/** normaliseUnit's answer for a unit normalised to nothing. */
export const UNIT_DROPPED = DROP;
/** normaliseUnit's answer for a unit that needs normaliseCodes: it expands, or it is a surrogate. */
export const UNIT_NOT_SIMPLE = EXPANDS;

/**
 * The normalised code unit of one BMP code unit that is a character on its own (what normaliseCodes
 * writes for it), UNIT_DROPPED or UNIT_NOT_SIMPLE: for callers keeping their own tables over it.
 */
export function normaliseUnit(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return EXPANDS;
  const t = (table ??= new Int32Array(0x10000).fill(UNKNOWN));
  const value = t[unit];
  return value === UNKNOWN ? learn(unit) : value;
}

let codesBuf = new Uint16Array(4096);
let mapBuf = new Int32Array(4096);

function ensureCapacity(needed: number): void {
  if (needed <= codesBuf.length) return;
  let size = codesBuf.length;
  while (size < needed) size *= 2;
  const codes = new Uint16Array(size);
  const map = new Int32Array(size);
  codes.set(codesBuf);
  map.set(mapBuf);
  codesBuf = codes;
  mapBuf = map;
}

/**
 * Hot-path normalisation into shared scratch buffers (no string building, no allocation once the
 * buffers are big enough). The result is overwritten by the next call.
 */
export function normaliseCodes(text: string): NormalisedCodes {
  const t = (table ??= new Int32Array(0x10000).fill(UNKNOWN));
  const n = text.length;
  ensureCapacity(n);
  let codes = codesBuf;
  let map = mapBuf;
  let length = 0;
  for (let i = 0; i < n; i++) {
    const unit = text.charCodeAt(i);
    let value = t[unit];
    if (value >= 0) {
      codes[length] = value;
      map[length++] = i;
      continue;
    }
    if (value === DROP) continue;
    let out: string;
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out = expansionOf(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
    } else {
      if (value === UNKNOWN) value = learn(unit);
      if (value === DROP) continue;
      if (value >= 0) {
        codes[length] = value;
        map[length++] = i;
        continue;
      }
      out = expansions.get(unit)!;
    }
    // Expansions (NFKC ㍻ → 平成, astral characters) can outgrow the input length.
    ensureCapacity(length + out.length + (n - i));
    codes = codesBuf;
    map = mapBuf;
    for (let k = 0; k < out.length; k++) {
      codes[length] = out.charCodeAt(k);
      map[length++] = i;
    }
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
  }
  return { codes, map, length };
}

/** Turns code units into a string in chunks (fromCharCode's argument count is limited). */
export function codesToString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let k = 0; k < length; k += 8192) {
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + 8192)) as unknown as number[]);
  }
  return out;
}

export function normalise(text: string): Normalised {
  const { codes, map, length } = normaliseCodes(text);
  return { text: codesToString(codes, length), map: Array.from(map.subarray(0, length)) };
}

/**
 * The original [start, end) code-unit range of normalised characters [start, end).
 * Give `original` to have a range ending on an astral character (a surrogate pair) include both halves.
 */
export function originalRange(map: ArrayLike<number>, start: number, end: number, original?: string): [number, number] {
  if (end <= start) return [map[start] ?? 0, map[start] ?? 0];
  const from = map[start];
  let to = map[end - 1] + 1;
  if (original !== undefined) {
    const high = original.charCodeAt(to - 1);
    const low = original.charCodeAt(to);
    if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) to++;
  }
  return [from, to];
}
