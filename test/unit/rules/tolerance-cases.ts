/**
 * Labelled transcripts for what speech recognition does to phrases (issue 17): fillers, stutters,
 * phrases cut over segments, the usual variants of the scripts, one character missing, extra or
 * substituted in a long required phrase. Half of them are near-misses that must not match, most of
 * those for the forbidden phrases: an innocent call made fatal is the costliest error there is.
 * Written from the rules in the issue, not from what the engine does.
 */
import type { LabelledCase } from './labelled-cases.js';
import type { Evidence, RuleConfig, Segment, Transcript, Verdict } from '#shared/rules/types.js';
import { DEFAULT_FORBIDDEN_PHRASES } from '#shared/rules/defaults.js';

const agent = (start: number, end: number, text: string): Segment => ({ speaker: 'agent', start, end, text });
const customer = (start: number, end: number, text: string): Segment => ({ speaker: 'customer', start, end, text });
const call = (...segments: Segment[]): Transcript => ({ language: 'zh-CN', segments });

export type ToleranceKind = 'filler' | 'stutter' | 'across' | 'variant' | 'fuzzy' | 'switch' | 'mixed' | 'near-miss';

export interface ToleranceCase extends LabelledCase {
  kind: ToleranceKind;
}

const cases: ToleranceCase[] = [];
const add = (
  kind: ToleranceKind,
  code: string,
  verdict: Verdict,
  title: string,
  transcript: Transcript,
  extra: { evidence?: Partial<Evidence>[]; rule?: RuleConfig; duration?: number } = {},
) => cases.push({ kind, code, verdict, title, transcript, ...extra });
const one = (text: string) => call(agent(0, 6, text));

// ================================================================ FORBIDDEN: said, through the noise
const X = 'FORBIDDEN';
const said = (kind: ToleranceKind, title: string, transcript: Transcript, evidence?: Partial<Evidence>[]) => add(kind, X, 'fail', title, transcript, { evidence });

said('filler', '我不，呃，清楚', one('我不，呃，清楚'), [{ text: '我不，呃，清楚', matched: '我不清楚', how: 'filler-skipped' }]);
said('filler', '我不嗯清楚', one('这个我不嗯清楚'), [{ text: '我不嗯清楚', how: 'filler-skipped' }]);
said('filler', '这事不归我们管，那个，我也不知道', one('这事不归我们管，那个，我也不知道'), [{ how: 'filler-skipped', matched: '这事不归我们管，我也不知道' }]);
said('filler', '不能办，就是，我也没办法', one('不能办，就是，我也没办法'), [{ how: 'filler-skipped' }]);
said('filler', '我们向来，啊，都这样的', one('我们向来，啊，都这样的'), [{ how: 'filler-skipped' }]);
said('filler', '不是已经跟你讲过了吗，额，还要问', one('不是已经跟你讲过了吗，额，还要问'), [{ how: 'filler-skipped' }]);
said('filler', '我们向来哦都这样的', one('我们向来哦都这样的'), [{ how: 'filler-skipped' }]);
said('filler', 'two fillers in a row: 我不呃嗯清楚', one('我不呃嗯清楚'), [{ how: 'filler-skipped', text: '我不呃嗯清楚' }]);
said('stutter', 'a stutter before the phrase is not part of it: 我我不清楚', one('我我不清楚'), [{ text: '我不清楚', how: 'exact' }]);
said('stutter', '我不不清楚', one('我不不清楚'), [{ text: '我不不清楚', how: 'stutter' }]);
said('stutter', '我不清清楚', one('我不清清楚'), [{ how: 'stutter' }]);
said('stutter', 'two-character stutter 这事这事不归我们管', one('这事这事不归我们管，我也不知道'), [{ how: 'stutter' }]);
said('stutter', 'two-character stutter 不能不能办', one('不能不能办，我也没办法'), [{ how: 'stutter' }]);
said('stutter', 'two-character stutter 不是不是已经', one('不是不是已经跟你讲过了吗，还要问'), [{ how: 'stutter' }]);
said('stutter', 'stutter with a comma: 我不，不清楚', one('我不，不清楚'), [{ how: 'stutter', text: '我不，不清楚' }]);
said('across', 'across two segments 0.5 s apart', call(agent(0, 3, '这事不归我们管'), agent(3.5, 5, '我也不知道')), [
  { segment: 0, segments: [0, 1], how: 'across-segments', text: '这事不归我们管我也不知道' },
]);
said('across', '我不 | 清楚, 1.9 s apart', call(agent(0, 1, '我不'), agent(2.9, 4, '清楚')), [{ segments: [0, 1], how: 'across-segments' }]);
said('across', '不能办 | 我也没办法', call(agent(0, 1, '不能办'), agent(1.2, 3, '我也没办法')), [{ segments: [0, 1] }]);
said('across', '我们向来 | 都这样的, with the customer between', call(agent(0, 1, '我们向来'), customer(1, 1.5, '嗯'), agent(1.6, 3, '都这样的')), [
  { segments: [0, 2] },
]);
said('across', '不是已经跟你讲过了吗 | 还要问', call(agent(0, 3, '不是已经跟你讲过了吗'), agent(3.2, 4, '还要问')), [{ segments: [0, 1] }]);
said('mixed', 'filler at the segment boundary', call(agent(0, 3, '这事不归我们管，呃'), agent(3.1, 5, '我也不知道')), [
  { tolerances: ['across-segments', 'filler-skipped'] },
]);
said('mixed', 'Traditional with a filler', one('我們向來，嗯，都這樣的'), [{ how: 'filler-skipped', matched: '我们向来都这样的' }]);
said('mixed', 'homophone with a filler: 我不，呃，清除', one('我不，呃，清除'), [{ tolerances: ['filler-skipped', 'homophone'] }]);
said('mixed', 'full-width spaces and a stutter', one('我　不　不　清　楚'), [{ how: 'stutter' }]);
said('mixed', 'stutter and filler: 我不不，呃，清楚', one('我不不，呃，清楚'), [{ tolerances: ['filler-skipped', 'stutter'] }]);
said('switch', 'custom filler list: 哎 skipped when listed', one('我不，哎，清楚'), [{ how: 'filler-skipped' }]);
cases[cases.length - 1].rule = { type: 'phrase-forbidden', phrases: [...DEFAULT_FORBIDDEN_PHRASES], fillerWords: ['哎'] };

// ================================================================ FORBIDDEN: innocent near-misses
const innocent = (title: string, transcript: Transcript, rule?: RuleConfig) => add('near-miss', X, 'pass', title, transcript, { evidence: [], rule });

innocent('您不清楚的地方我再解释', one('您不清楚的地方我再解释'));
innocent('这事归我们管', one('这事归我们管，我来处理'));
innocent('这事归我们管，我也知道', one('这事归我们管，我也知道'));
innocent('self-correction: 我不……我清楚的', one('我不……我清楚的，我帮您看一下'));
innocent('self-correction: 我不清……我帮您查清楚', one('我不清……我帮您查清楚'));
innocent('one character extra: 我不太清楚', one('这个规定我不太清楚，我帮您问一下'));
innocent('one character extra: 我们不清楚', one('我们不清楚的话会帮您核实'));
innocent('我不是不清楚', one('我不是不清楚，是系统还没更新'));
innocent('one character substituted: 你不清楚', one('你不清楚的话可以再问我'));
innocent('one character substituted: 我不清醒', one('我不清醒的时候不开车'));
innocent('您的情况我很清楚', one('您的情况我很清楚'));
innocent('我都清楚', one('这些我都清楚'));
innocent('清清楚楚 is not a stutter of the phrase', one('这些我都记得清清楚楚'));
innocent('one character missing: 这事不归们管', one('这事不归们管，我也不知道'));
innocent('words inserted: 这事不归我们部门管', one('这事不归我们部门管，我帮您转接'));
innocent('half of a phrase: 这事不归我们管', one('这事不归我们管'));
innocent('我也不知道您说的是哪一笔', one('我也不知道您说的是哪一笔'));
innocent('能办，我也有办法', one('能办，我也有办法'));
innocent('不能办的话，我也没有别的办法', one('不能办的话，我也没有别的办法'));
innocent('没办法的事我们也会尽量帮您', one('没办法的事我们也会尽量帮您'));
innocent('我们向来都是这样处理的 (one extra)', one('我们向来都是这样处理的'));
innocent('我们向来很重视您的意见', one('我们向来很重视您的意见'));
innocent('不是已经跟您讲过了 (您 for 你, no 还要问)', one('不是已经跟您讲过了'));
innocent('已经跟你讲过了，还要问什么吗', one('已经跟你讲过了，还要问什么吗'));
innocent('a filler that is no filler: 我不，哎，清楚', one('我不，哎，清楚'));
innocent('就是 inside a sentence: 我不就是想帮您弄清楚吗', one('我不就是想帮您弄清楚吗'));
innocent('额 of 金额: 金额不清楚的话我帮您查', one('金额不清楚的话我帮您查'));
innocent('a stutter that folds into innocence: 我，我清楚', one('我，我清楚'));
innocent('the customer says it', call(agent(0, 2, '您好'), customer(2, 4, '我不清楚')));
innocent('the customer says it with a filler', call(customer(0, 2, '我不，呃，清楚')));
innocent('agent and customer each say half', call(agent(0, 1, '我不'), customer(1.1, 2, '清楚')));
innocent('the halves 2 s apart', call(agent(0, 1, '我不'), agent(3, 4, '清楚')));
innocent('the halves 5 s apart', call(agent(0, 3, '这事不归我们管'), agent(8, 10, '我也不知道')));
innocent('across segments switched off', call(agent(0, 1, '我不'), agent(1.2, 2, '清楚')), {
  type: 'phrase-forbidden',
  phrases: [...DEFAULT_FORBIDDEN_PHRASES],
  acrossSegments: false,
});
innocent('fillers switched off', one('我不，呃，清楚'), { type: 'phrase-forbidden', phrases: [...DEFAULT_FORBIDDEN_PHRASES], fillers: false });
innocent('stutters switched off', one('我不不清楚'), { type: 'phrase-forbidden', phrases: [...DEFAULT_FORBIDDEN_PHRASES], stutters: false });
innocent('a gap of 1.5 s when the rule allows 1 s', call(agent(0, 1, '我不'), agent(2.5, 3, '清楚')), {
  type: 'phrase-forbidden',
  phrases: [...DEFAULT_FORBIDDEN_PHRASES],
  acrossSegmentsMaxGapSeconds: 1,
});
innocent('a clean, polite explanation', one('您好，关于这个扣费我帮您查清楚了，是上个月订购的视频会员，我这边帮您退订'));

// ================================================================ required phrases through the noise
const G = 'GREETING';
const C = 'CLOSING';
const K = 'COURTESY';
const F = 'CONFIRM';
add('filler', G, 'pass', '您，呃，好', one('您，呃，好'), { evidence: [{ how: 'filler-skipped', text: '您，呃，好' }] });
add('stutter', G, 'pass', '您您好', one('您您好，请问有什么可以帮您'), { evidence: [{ text: '您好', how: 'exact' }] });
add('stutter', G, 'pass', '你你你好', one('你你你好'), { evidence: [{ matched: '你好' }] });
add('across', G, 'pass', '您 | 好, 0.5 s apart', call(agent(0, 1, '您'), agent(1.5, 2, '好')), { evidence: [{ segments: [0, 1], how: 'across-segments' }] });
add('across', C, 'pass', '再 | 见 at the end', call(agent(0, 2, '您好'), agent(50, 51, '好的，再'), agent(51.5, 52, '见')), {
  evidence: [{ segments: [1, 2], text: '再见' }],
});
add('stutter', C, 'pass', '再，再见', call(agent(0, 2, '好的，再，再见')), { evidence: [{ how: 'exact', text: '再见' }] });
add('filler', C, 'pass', '再……呃……见', call(agent(0, 2, '再……呃……见')), { evidence: [{ how: 'filler-skipped' }] });
add('filler', K, 'pass', '感，呃，谢您的耐心', call(agent(0, 2, '请稍等'), agent(3, 6, '感，呃，谢您的耐心')), { evidence: [{ text: '请' }, { how: 'filler-skipped' }] });
add('stutter', K, 'pass', '请请稍等 and 谢谢谢谢您', call(agent(0, 2, '请请稍等'), agent(3, 6, '谢谢谢谢您')), {
  evidence: [{ text: '请' }, { how: 'stutter', text: '谢谢谢谢' }],
});
add('across', K, 'pass', '谢 | 谢', call(agent(0, 2, '请稍等'), agent(3, 4, '好的谢'), agent(4.2, 5, '谢')), { evidence: [{ text: '请' }, { segments: [1, 2] }] });

for (const [variant, text] of [
  ['有没有将您', '不知道我刚才有没有将您的问题解释清楚'],
  ['是否把您', '先生，不知道我刚才是否把您的问题解释清楚了'],
  ['是否将你', '女士，我刚才是否将你的问题解释清楚了'],
  ['有没有把你', '不知道我刚才有没有把你的问题解释清楚'],
  ['有没有把您', '王先生，我有没有把您的问题解释清楚呀'],
] as const) {
  add('variant', F, 'pass', `variant ${variant}`, one(text), { evidence: [{ how: 'variant' }] });
}
add('filler', F, 'pass', 'script with a filler inside', one('不知道我刚才是否，呃，将您的问题解释清楚了'), { evidence: [{ how: 'filler-skipped' }] });
add('filler', F, 'pass', 'script with 那个 inside', one('是否将您的那个问题解释清楚了'), { evidence: [{ how: 'filler-skipped' }] });
add('stutter', F, 'pass', 'script with a stutter', one('是否是否将您的问题解释清楚了'), { evidence: [{ how: 'stutter' }] });
add('across', F, 'pass', 'script over three segments', call(agent(0, 1, '是否将'), agent(1.3, 2, '您的问题'), agent(2.5, 4, '解释清楚了')), {
  evidence: [{ segments: [0, 1, 2], how: 'across-segments' }],
});
add('fuzzy', F, 'pass', 'one character missing: 是否将您问题解释清楚', one('不知道我刚才是否将您问题解释清楚了'), {
  evidence: [{ how: 'one-missing', text: '是否将您问题解释清楚', matched: '是否将您的问题解释清楚', edits: 1 }],
});
add('fuzzy', F, 'pass', 'one character extra: 是否已将您的问题解释清楚', one('是否已将您的问题解释清楚了'), { evidence: [{ how: 'one-extra', edits: 1 }] });
add('fuzzy', F, 'pass', 'one character extra: 是否把您的问题都解释清楚', one('我是否把您的问题都解释清楚了'), { evidence: [{ how: 'one-extra' }] });
add('fuzzy', F, 'pass', 'one character substituted: 解说清楚', one('是否将您的问题解说清楚了'), { evidence: [{ how: 'one-substituted' }] });
add('fuzzy', F, 'pass', 'two edits in a 12-character variant', one('请问我有没有将你的问题讲清楚'), { evidence: [{ how: 'fuzzy', edits: 2 }] });
add('mixed', F, 'pass', 'one missing, across segments', call(agent(0, 2, '是否将您问题'), agent(2.3, 4, '解释清楚了')), {
  evidence: [{ tolerances: ['one-missing', 'across-segments'] }],
});
add('mixed', F, 'pass', 'Traditional variant with a filler', one('不知道我剛才有沒有，嗯，把您的問題解釋清楚'), {
  evidence: [{ tolerances: ['filler-skipped', 'variant'] }],
});
add(
  'mixed',
  F,
  'pass',
  'exact beats fuzzy: both said, only the exact one is evidence',
  call(agent(0, 3, '是否将您问题解释清楚'), agent(10, 14, '是否将您的问题解释清楚')),
  {
    evidence: [{ segment: 1, how: 'exact' }],
  },
);

// ================================================================ required phrases: near-misses
add('near-miss', G, 'fail', '您，哎，好 (哎 is no filler)', one('您，哎，好'), { evidence: [] });
add('near-miss', G, 'fail', 'agent 您, customer 好', call(agent(0, 1, '您'), customer(1.1, 2, '好')), { evidence: [] });
add('near-miss', G, 'fail', '您 | 好, 3 s apart', call(agent(0, 1, '您'), agent(4, 5, '好')), { evidence: [] });
add('near-miss', G, 'fail', '你们好好看看 (no 你好)', one('你们好好看看'), { evidence: [] });
add('near-miss', G, 'fail', 'fillers switched off', one('您，呃，好'), { evidence: [], rule: { type: 'phrase-required', phrases: [['您好', '你好']], fillers: false } });
add('near-miss', G, 'fail', 'across segments switched off', call(agent(0, 1, '您'), agent(1.1, 2, '好')), {
  evidence: [],
  rule: { type: 'phrase-required', phrases: [['您好', '你好']], acrossSegments: false },
});
add('near-miss', C, 'fail', '再来一次见', call(agent(0, 2, '您下次再来一次见面')), { evidence: [] });
add('near-miss', C, 'fail', '再说吧', call(agent(0, 2, '那就再说吧')), { evidence: [] });
add('near-miss', K, 'fail', '谢 alone', call(agent(0, 2, '请稍等，谢了')), { evidence: [] });
add('near-miss', K, 'fail', '谢 | 谢 of the customer', call(agent(0, 2, '请稍等，谢'), customer(2.1, 3, '谢')), { evidence: [] });
add('near-miss', F, 'fail', '我会将您的问题解释清楚 (two substituted)', one('我会将您的问题解释清楚'), { evidence: [] });
add('near-miss', F, 'fail', '将您的问题解释清楚 (two missing)', one('我刚才将您的问题解释清楚了'), { evidence: [] });
add('near-miss', F, 'fail', '是否将您的这个问题解释清楚 (two extra)', one('是否将您的这个问题解释清楚'), { evidence: [] });
add('near-miss', F, 'fail', '是否将您的问题记录清楚 (two substituted)', one('是否将您的问题记录清楚'), { evidence: [] });
add('near-miss', F, 'fail', '是否将您的地址核对清楚', one('是否将您的地址核对清楚了'), { evidence: [] });
add('near-miss', F, 'fail', '您的问题我会解释清楚', one('您的问题我会解释清楚'), { evidence: [] });
add('near-miss', F, 'fail', 'halves 3 s apart', call(agent(0, 2, '是否将您的问题'), agent(5, 7, '解释清楚')), { evidence: [] });
add('near-miss', F, 'fail', 'the customer says it with one missing', call(customer(0, 3, '是否将您问题解释清楚')), { evidence: [] });
add('near-miss', F, 'fail', 'the customer says a variant', call(customer(0, 3, '你有没有把你的问题解释清楚')), { evidence: [] });
add('near-miss', F, 'fail', 'fuzzy switched off: one missing', one('是否将您问题解释清楚'), {
  evidence: [],
  rule: { type: 'phrase-required', phrases: [['是否将您的问题解释清楚']], fuzzy: false },
});
add('near-miss', F, 'fail', 'a variant deleted by the supervisor', one('有没有把你的问题解释清楚'), {
  evidence: [],
  rule: { type: 'phrase-required', phrases: [['是否将您的问题解释清楚']], fuzzy: false },
});
add('near-miss', F, 'fail', 'a 5-character phrase is never fuzzy', one('解释清了'), { evidence: [], rule: { type: 'phrase-required', phrases: [['解释清楚了']] } });

export const TOLERANCE_CASES: readonly ToleranceCase[] = cases;
