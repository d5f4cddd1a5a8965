/**
 * `npm run build:server && node dist/scripts/engine-fingerprint.js`: a hash of everything `runRules`
 * says (verdicts and evidence) over the autocheck bench's 10,000 transcripts (same seed and rules as
 * bench/autocheck.ts), and over 4,000 of them with speech-recognition noise injected (fillers,
 * stutters, punctuation, astral and expanding characters, split segments), which the bench's own
 * transcripts lack. A speed-up of the engine must leave both hashes as they were.
 */
import { createHash } from 'node:crypto';
import { extraForbidden, generateTranscripts } from '../bench/autocheck.js';
import { compileRules, DEFAULT_RULES, runRules } from '#shared/rules/index.js';
import type { RuleDefinition, Segment, Transcript } from '#shared/rules/types.js';
import { seededRandom } from '#shared/random.js';

const random = seededRandom(20261108);
const extra = extraForbidden(200, random);
const rules: RuleDefinition[] = [...DEFAULT_RULES, { code: 'EXTRA_FORBIDDEN', rule: { type: 'phrase-forbidden', phrases: extra, homophones: true } }];
const transcripts = generateTranscripts(10_000, 1500, extra, random);
const compiled = compileRules(rules);

function fingerprint(list: readonly Transcript[]): string {
  const hash = createHash('sha256');
  let evidence = 0;
  for (const t of list) {
    const results = runRules(compiled, t);
    for (const r of results) evidence += r.evidence.length;
    hash.update(JSON.stringify(results));
    hash.update('\n');
  }
  return `${hash.digest('hex').slice(0, 16)} (${list.length} transcripts, ${evidence} pieces of evidence)`;
}

const noise = seededRandom(7);
const INSERTS = ['呃', '那个', '嗯', '啊', '，', '。', ' ', '😀', '𠀀', '㍻', 'Ａ', '…', '呃，', '那，个', '就是', '謝', '好', '您'];

function noisy(text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const r = noise();
    if (r < 0.05) out += INSERTS[Math.floor(noise() * INSERTS.length)];
    out += chars[i];
    if (r > 0.96) out += chars[i];
    else if (r > 0.93 && i > 0) out += chars[i - 1] + chars[i];
  }
  return out;
}

const noisyTranscripts = transcripts.slice(0, 4000).map((t): Transcript => ({
  ...t,
  segments: t.segments.flatMap((s): Segment[] => {
    const text = noisy(s.text);
    if (noise() < 0.1 && text.length > 4) {
      // Split in two with a short gap: a phrase may now run across segments.
      const cut = Math.floor(text.length / 2);
      const middle = s.start + (s.end - s.start) / 2;
      return [
        { ...s, end: middle, text: text.slice(0, cut) },
        { ...s, start: middle + 0.3, text: text.slice(cut) },
      ];
    }
    return noise() < 0.01 ? [{ ...s, text: '' }] : [{ ...s, text }];
  }),
}));

console.log(`bench transcripts: ${fingerprint(transcripts)}`);
console.log(`noisy transcripts: ${fingerprint(noisyTranscripts)}`);
