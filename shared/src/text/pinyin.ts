/**
 * Toneless pinyin, for tolerating speech-recognition homophones (在见 for 再见).
 *
 * pinyin-pro converts ~2 M characters/s (STACK.md trap 13), far too slow to run over every
 * transcript, so each distinct character is converted once and remembered. Per character means the
 * default reading of a polyphone (了 → liao); transcripts and phrases are both read that way so they
 * agree, and phrases additionally get their in-context reading (see phraseSoundVariants).
 *
 * "Sound codes": each distinct syllable gets one private-use code unit (U+E000 up), so a run of
 * syllables is a plain UTF-16 string and the same Aho–Corasick automaton works on it. A normalised
 * code unit that is not a Han character is its own sound code (normalisation drops private-use
 * characters, so they never collide), which keeps sound strings exactly as long as the normalised text.
 */
import { pinyin } from 'pinyin-pro';

const FIRST_PRIVATE = 0xe000;
const LAST_PRIVATE = 0xf8ff;
const HAN = /^\p{Script=Han}$/u;

const syllableCode = new Map<string, number>();
const codeSyllable: string[] = [];
/** BMP code unit → sound code; 0 = not looked up yet. */
const soundTable = new Uint16Array(0x10000);
const tonelessCache = new Map<string, string>();

/** Toneless pinyin of one character ('再' → 'zai'); a non-Han character is returned as itself. */
export function toneless(char: string): string {
  let out = tonelessCache.get(char);
  if (out === undefined) {
    out = HAN.test(char) ? (pinyin(char, { toneType: 'none', type: 'array' })[0] ?? char) : char;
    tonelessCache.set(char, out);
  }
  return out;
}

/** Toneless pinyin per character of a text (one entry per code point, non-Han characters as themselves). */
export function syllables(text: string): string[] {
  return Array.from(text, toneless);
}

function codeOfSyllable(syllable: string, unit: number): number {
  let code = syllableCode.get(syllable);
  if (code === undefined) {
    if (FIRST_PRIVATE + codeSyllable.length > LAST_PRIVATE) return unit; // cannot happen: ~420 syllables exist
    code = FIRST_PRIVATE + codeSyllable.length;
    syllableCode.set(syllable, code);
    codeSyllable.push(syllable);
  }
  return code;
}

/** Sound code of one normalised code unit. */
export function soundCode(unit: number): number {
  let code = soundTable[unit];
  if (code === 0) {
    const char = String.fromCharCode(unit);
    const syllable = unit >= 0xd800 && unit <= 0xdfff ? char : toneless(char);
    code = syllable === char ? unit : codeOfSyllable(syllable, unit);
    soundTable[unit] = code;
  }
  return code;
}

/** The syllable behind a sound code (for debugging and tests). */
export function syllableOfCode(code: number): string {
  return code >= FIRST_PRIVATE && code - FIRST_PRIVATE < codeSyllable.length ? codeSyllable[code - FIRST_PRIVATE] : String.fromCharCode(code);
}

/** Sound string of a normalised text, read character by character as transcripts are. */
export function soundString(normalisedText: string): string {
  let out = '';
  for (let i = 0; i < normalisedText.length; i++) out += String.fromCharCode(soundCode(normalisedText.charCodeAt(i)));
  return out;
}

/**
 * The sound strings a normalised phrase should match: its character-by-character reading (what a
 * transcript with the same characters produces) and, when different, its in-context reading (还要问
 * read hai, not huan), which catches an ASR homophone of the reading actually spoken.
 */
export function phraseSoundVariants(normalisedPhrase: string): string[] {
  const variants = [soundString(normalisedPhrase)];
  const inContext = pinyin(normalisedPhrase, { toneType: 'none', type: 'array' });
  if (inContext.length === normalisedPhrase.length) {
    let alt = '';
    for (let i = 0; i < inContext.length; i++) {
      const unit = normalisedPhrase.charCodeAt(i);
      const char = normalisedPhrase[i];
      alt += String.fromCharCode(HAN.test(char) && inContext[i] !== char ? codeOfSyllable(inContext[i], unit) : soundCode(unit));
    }
    if (alt !== variants[0]) variants.push(alt);
  }
  return variants;
}
