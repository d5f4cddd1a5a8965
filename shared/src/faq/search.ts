/**
 * FAQ search text: the rule engine's normaliser (text/normalise.ts: Traditional→Simplified, width,
 * case, punctuation and spaces dropped), so that the server's stored search columns, the query and
 * the web's highlighting always agree.
 */
import { normalise, originalRange } from '../text/normalise.js';

/** What a question, answer or query is searched as. Never holds `%`, `_`, `\` or `|` (all punctuation). */
export const searchText = (text: string): string => normalise(text).text;

/** The alternatives of a question as one search column: each normalised, joined with `|`. */
export const searchAlternatives = (alternatives: readonly string[]): string =>
  alternatives
    .map(searchText)
    .filter((s) => s.length > 0)
    .join('|');

/** Where the (already normalised) query occurs in `original`, as [start, end) ranges of its code units. */
export function matchRanges(original: string, query: string): { start: number; end: number }[] {
  if (!query) return [];
  const { text, map } = normalise(original);
  const ranges: { start: number; end: number }[] = [];
  for (let at = text.indexOf(query); at !== -1; at = text.indexOf(query, at + query.length)) {
    const [start, end] = originalRange(map, at, at + query.length, original);
    ranges.push({ start, end });
  }
  return ranges;
}

const LETTERS = 'abcdefghijklmnop';

/**
 * The trigram key of normalised search text: each UTF-16 code unit as four letters a–p (its hex
 * digits), `|` (between alternatives) as a space. PostgreSQL's pg_trgm makes no trigrams of Chinese
 * under the embedded cluster's C ctype (`show_trgm('话费余额')` is empty), but it does of these
 * letters, so a trigram GIN index on the key narrows a search to a few candidates, which the real
 * column then confirms (a key can also match across a character boundary).
 */
export function trigramKey(normalised: string): string {
  let out = '';
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised.charCodeAt(i);
    out += c === 0x7c ? ' ' : LETTERS[(c >> 12) & 15] + LETTERS[(c >> 8) & 15] + LETTERS[(c >> 4) & 15] + LETTERS[c & 15];
  }
  return out;
}
