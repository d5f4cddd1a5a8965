/** Public API of the automatic-check engine. */
export * from './types.js';
export { compileRules, runRules, type CompiledRules } from './engine.js';
export { DEFAULT_RULES, DEFAULT_FORBIDDEN_PHRASES, CONFIRM_VARIANTS } from './defaults.js';
export { normalise, originalRange, type Normalised } from '../text/normalise.js';
export { toneless, syllables } from '../text/pinyin.js';
export { AhoCorasick, type Match } from '../text/aho-corasick.js';
