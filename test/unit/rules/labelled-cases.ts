/**
 * Labelled transcripts for the automatic checks, each with the verdict DOMAIN.md calls for and
 * what its evidence must show. Run against DEFAULT_RULES unless a case gives its own `rule`.
 */
import { DEFAULT_FORBIDDEN_PHRASES } from '#shared/rules/defaults.js';
import type { Evidence, RuleConfig, Segment, Transcript, Verdict } from '#shared/rules/types.js';

export interface LabelledCase {
  title: string;
  transcript: Transcript | null | undefined;
  duration?: number;
  code: string;
  /** Replaces the default rule of `code` (configurable thresholds, homophones off…). */
  rule?: RuleConfig;
  verdict: Verdict;
  /** When given: exactly this many pieces of evidence, each containing these fields. */
  evidence?: Partial<Evidence>[];
}

const agent = (start: number, end: number, text: string): Segment => ({ speaker: 'agent', start, end, text });
const customer = (start: number, end: number, text: string): Segment => ({ speaker: 'customer', start, end, text });
const call = (...segments: Segment[]): Transcript => ({ language: 'zh-CN', segments });

/** A call that passes every default rule; cases vary one thing from it. */
const CLEAN: Segment[] = [
  agent(0, 3, '您好，很高兴为您服务'),
  customer(3.2, 6, '你好，我想问一下话费'),
  agent(6.2, 10, '好的，请您稍等，我帮您查一下'),
  customer(10.5, 12, '好的'),
  agent(12.5, 20, '先生，不知道我刚才是否将您的问题解释清楚了？'),
  customer(20.5, 22, '清楚了，谢谢'),
  agent(22.5, 26, '感谢您的来电，再见'),
];

const cases: LabelledCase[] = [];
const add = (c: LabelledCase) => cases.push(c);

// ---------------------------------------------------------------- not applicable
for (const code of ['GREETING', 'CLOSING', 'COURTESY', 'CONFIRM', 'FORBIDDEN', 'INTERRUPT', 'SILENCE']) {
  add({ title: `${code}: no transcript`, transcript: null, code, verdict: 'na', evidence: [] });
  add({ title: `${code}: transcript without segments`, transcript: call(), code, verdict: 'na', evidence: [] });
  add({ title: `${code}: a clean call`, transcript: call(...CLEAN), code, verdict: 'pass' });
}
add({ title: 'GREETING: undefined transcript', transcript: undefined, code: 'GREETING', verdict: 'na', evidence: [] });

// ---------------------------------------------------------------- GREETING
const G = 'GREETING';
add({
  title: 'greeting 您好 at the start',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 3, '您好，很高兴为您服务')),
  evidence: [{ segment: 0, text: '您好', matched: '您好', charStart: 0, charEnd: 2, start: 0, end: 0.6 }],
});
add({ title: 'greeting 你好', code: G, verdict: 'pass', transcript: call(agent(0, 2, '你好，请问有什么可以帮您')), evidence: [{ matched: '你好', text: '你好' }] });
add({
  title: 'greeting inside full-width brackets with a space',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 2, '「您 好！」歡迎致電')),
  evidence: [{ segment: 0, text: '您 好', matched: '您好', charStart: 1, charEnd: 4, start: 0.2, end: 0.8 }],
});
add({ title: 'greeting after 喂？', code: G, verdict: 'pass', transcript: call(agent(0, 2.5, '喂？您好！')), evidence: [{ charStart: 2, charEnd: 4, text: '您好' }] });
add({ title: 'greeting with an ideographic space', code: G, verdict: 'pass', transcript: call(agent(0, 2, '您　好')), evidence: [{ text: '您　好' }] });
add({ title: 'greeting with an enumeration comma inside', code: G, verdict: 'pass', transcript: call(agent(0, 2, '您、好')), evidence: [{ text: '您、好' }] });
add({
  title: 'greeting in Traditional text',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 3, '您好，這裡是客服中心，請問有什麼可以幫您')),
  evidence: [{ text: '您好' }],
});
add({
  title: 'greeting 妳好 (Taiwan form of 你)',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 2, '妳好，歡迎來電')),
  evidence: [{ text: '妳好', matched: '你好' }],
});
add({ title: 'ASR homophone 您号', code: G, verdict: 'pass', transcript: call(agent(0, 2, '您号，这里是客服中心')), evidence: [{ text: '您号', matched: '您好' }] });
add({ title: 'ASR homophone 泥好', code: G, verdict: 'pass', transcript: call(agent(0, 2, '泥好，请讲')), evidence: [{ text: '泥好', matched: '你好' }] });
add({ title: 'ASR homophone 拟好', code: G, verdict: 'pass', transcript: call(agent(0, 2, '拟好')), evidence: [{ text: '拟好', matched: '你好' }] });
add({ title: '宁好 is not a homophone (ning)', code: G, verdict: 'fail', transcript: call(agent(0, 2, '宁好')), evidence: [] });
add({
  title: 'only the customer says 您好',
  code: G,
  verdict: 'fail',
  evidence: [],
  transcript: call(customer(0, 2, '您好'), agent(2.5, 4, '喂，哪位？')),
});
add({
  title: 'customer greets in the window, agent only after it',
  code: G,
  verdict: 'fail',
  // Said outside the window: the evidence points there (issue 11, "absence failures point somewhere").
  evidence: [{ segment: 1, start: 16, text: '您好', outsideWindow: true }],
  transcript: call(customer(0, 2, '您好'), agent(16, 18, '您好')),
});
add({
  title: 'greeting starting at 14.9 s',
  code: G,
  verdict: 'pass',
  transcript: call(customer(0, 14, '喂喂'), agent(14.9, 16, '您好')),
  evidence: [{ segment: 1, start: 14.9 }],
});
add({ title: 'greeting starting at exactly 15.0 s', code: G, verdict: 'pass', transcript: call(customer(0, 14, '喂喂'), agent(15, 16, '您好')) });
add({
  title: 'greeting starting at 15.1 s',
  code: G,
  verdict: 'fail',
  transcript: call(customer(0, 14, '喂喂'), agent(15.1, 16, '您好')),
  evidence: [{ segment: 1, start: 15.1, outsideWindow: true }],
});
add({
  title: 'greeting late in a long segment (estimated at 18.5 s)',
  code: G,
  verdict: 'fail',
  evidence: [{ segment: 0, text: '您好', outsideWindow: true }],
  transcript: call(agent(10, 20, '嗯稍等一下我这边看一下您好')),
});
add({ title: 'greeting at the end of a segment, estimated at 15.6 s', code: G, verdict: 'fail', transcript: call(agent(0, 20, '这里是客服中心您好')) });
add({
  title: 'greeting at the end of a segment, estimated at 14.0 s',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 18, '这里是客服中心您好')),
  evidence: [{ charStart: 7, charEnd: 9, start: 14, end: 18 }],
});
add({ title: 'segment starting at 5 s that runs past 15 s', code: G, verdict: 'pass', transcript: call(agent(5, 15.5, '您好')), evidence: [{ start: 5 }] });
add({ title: 'no greeting at all', code: G, verdict: 'fail', transcript: call(agent(0, 2, '喂，哪位？')), evidence: [] });
add({
  title: 'greeting said twice in a row is one greeting',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 2, '您好您好')),
  evidence: [{ charStart: 0, charEnd: 2, text: '您好', how: 'exact' }],
});
add({
  title: 'greeting twice, apart, in one segment',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 2, '您好。请问有什么可以帮您，您好')),
  evidence: [{ charStart: 0 }, { charStart: 13 }],
});
add({
  title: 'greeting in the window and again later: only the first is evidence',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 2, '您好'), customer(2.5, 30, '我想问一下宽带的事情'), agent(40, 42, '您好，还在吗')),
  evidence: [{ segment: 0 }],
});
add({ title: 'only customer segments', code: G, verdict: 'fail', transcript: call(customer(0, 2, '您好'), customer(3, 5, '有人吗')), evidence: [] });
add({
  title: 'window set to 5 s: greeting at 6 s',
  code: G,
  verdict: 'fail',
  transcript: call(agent(6, 8, '您好')),
  rule: { type: 'phrase-required', phrases: [['您好', '你好']], window: { from: 'start', seconds: 5 } },
});
add({
  title: 'homophones switched off: 您号 no longer counts',
  code: G,
  verdict: 'fail',
  transcript: call(agent(0, 2, '您号')),
  rule: { type: 'phrase-required', phrases: [['您好', '你好']], window: { from: 'start', seconds: 15 }, homophones: false },
});
add({
  title: 'homophones switched off: exact greeting still counts',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 2, '您好')),
  rule: { type: 'phrase-required', phrases: [['您好', '你好']], window: { from: 'start', seconds: 15 }, homophones: false },
});
add({ title: 'latin before the greeting', code: G, verdict: 'pass', transcript: call(agent(0, 2, 'HELLO您好')), evidence: [{ charStart: 5, charEnd: 7 }] });
add({
  title: 'greeting between line breaks',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 2, '\n您好\n')),
  evidence: [{ charStart: 1, charEnd: 3, text: '您好' }],
});
add({
  title: 'an emoji (surrogate pair) before the greeting',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 2, '😀您好')),
  evidence: [{ charStart: 2, charEnd: 4, text: '您好' }],
});
add({
  title: 'greeting split over two segments right after each other',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 1, '您'), agent(1, 2, '好')),
  evidence: [{ segment: 0, segments: [0, 1], text: '您好', how: 'across-segments', start: 0, end: 2 }],
});
add({ title: 'greeting split over segments 2 s apart does not count', code: G, verdict: 'fail', transcript: call(agent(0, 1, '您'), agent(3, 4, '好')) });
add({
  title: 'full-width latin noise around the greeting',
  code: G,
  verdict: 'pass',
  transcript: call(agent(0, 3, 'ＯＫ，您好。')),
  evidence: [{ text: '您好', charStart: 3 }],
});

// ---------------------------------------------------------------- CLOSING
const C = 'CLOSING';
const opening = customer(0, 60, '我想咨询一下套餐的问题');
add({
  title: 'closing in the last 30 s',
  code: C,
  verdict: 'pass',
  duration: 120,
  transcript: call(opening, agent(100, 103, '感谢您的来电，再见')),
  evidence: [{ segment: 1, text: '再见', matched: '再见', charStart: 7, charEnd: 9, start: 102.333, end: 103 }],
});
add({
  title: 'closing 40 s before the end',
  code: C,
  verdict: 'fail',
  duration: 120,
  transcript: call(opening, agent(80, 85, '再见')),
  evidence: [{ segment: 1, start: 80, text: '再见', outsideWindow: true }],
});
add({ title: 'closing segment from 90 s', code: C, verdict: 'pass', duration: 120, transcript: call(opening, agent(90, 92, '再见')) });
add({ title: 'closing ending at 89.9 s, window from 90 s', code: C, verdict: 'fail', duration: 120, transcript: call(opening, agent(88, 89.9, '再见')) });
add({ title: 'closing ending at exactly 90 s', code: C, verdict: 'pass', duration: 120, transcript: call(opening, agent(88, 90, '再见')) });
add({
  title: 'no duration: call end is the last segment end',
  code: C,
  verdict: 'pass',
  transcript: call(agent(29, 31, '再见'), customer(55, 60, '好的拜拜')),
  evidence: [{ segment: 0 }],
});
add({ title: 'no duration: closing too early', code: C, verdict: 'fail', transcript: call(agent(20, 25, '再见'), customer(55, 60, '好的拜拜')) });
add({
  title: 'closing in Traditional 再見',
  code: C,
  verdict: 'pass',
  duration: 30,
  transcript: call(agent(25, 27, '謝謝，再見')),
  evidence: [{ text: '再見', matched: '再见' }],
});
add({
  title: 'closing with space and full-width bang',
  code: C,
  verdict: 'pass',
  duration: 30,
  transcript: call(agent(25, 27, '再 見！')),
  evidence: [{ text: '再 見', charStart: 0, charEnd: 3 }],
});
add({
  title: 'ASR homophone 在见',
  code: C,
  verdict: 'pass',
  duration: 30,
  transcript: call(agent(25, 27, '好的在见')),
  evidence: [{ text: '在见', matched: '再见', charStart: 2, charEnd: 4 }],
});
add({ title: 'ASR homophone 再建', code: C, verdict: 'pass', duration: 30, transcript: call(agent(25, 27, '再建')), evidence: [{ text: '再建' }] });
add({ title: 'ASR homophone in Traditional 在見', code: C, verdict: 'pass', duration: 30, transcript: call(agent(25, 27, '在見')), evidence: [{ text: '在見' }] });
add({ title: 'only the customer says 再见', code: C, verdict: 'fail', duration: 30, transcript: call(agent(0, 2, '您好'), customer(25, 27, '再见')), evidence: [] });
add({ title: '拜拜 is not 再见', code: C, verdict: 'fail', duration: 30, transcript: call(agent(25, 27, '好的拜拜')) });
add({ title: 'recording longer than the speech', code: C, verdict: 'fail', duration: 100, transcript: call(agent(0, 2, '您好'), agent(58, 60, '再见')) });
add({
  title: 'homophones switched off: 在见 no longer counts',
  code: C,
  verdict: 'fail',
  duration: 30,
  transcript: call(agent(25, 27, '在见')),
  rule: { type: 'phrase-required', phrases: [['再见']], window: { from: 'end', seconds: 30 }, homophones: false },
});
add({ title: 'short call: the window covers it all', code: C, verdict: 'pass', duration: 20, transcript: call(agent(1, 2, '再见')) });
add({
  title: 'closing twice in a row',
  code: C,
  verdict: 'pass',
  duration: 30,
  transcript: call(agent(25, 27, '再见再见')),
  evidence: [{ charStart: 0, charEnd: 2, how: 'exact' }],
});
add({
  title: 'closing twice',
  code: C,
  verdict: 'pass',
  duration: 30,
  transcript: call(agent(25, 27, '再见，好的再见')),
  evidence: [{ charStart: 0 }, { charStart: 5 }],
});
add({ title: 'pinyin spelled in latin does not count', code: C, verdict: 'fail', duration: 30, transcript: call(agent(25, 27, 'zaijian')) });
add({
  title: 'window set to 10 s',
  code: C,
  verdict: 'fail',
  duration: 120,
  transcript: call(opening, agent(100, 103, '再见')),
  rule: { type: 'phrase-required', phrases: [['再见']], window: { from: 'end', seconds: 10 } },
});
add({
  title: 'closing in the window and earlier: only the one in the window is evidence',
  code: C,
  verdict: 'pass',
  duration: 120,
  transcript: call(agent(10, 12, '再见'), opening, agent(110, 112, '再见')),
  evidence: [{ segment: 2 }],
});

// ---------------------------------------------------------------- COURTESY
const K = 'COURTESY';
add({
  title: '请 and 谢谢',
  code: K,
  verdict: 'pass',
  transcript: call(agent(0, 2, '请您稍等'), agent(5, 8, '谢谢您的耐心等待')),
  evidence: [
    { segment: 0, text: '请', matched: '请' },
    { segment: 1, text: '谢谢', matched: '谢谢' },
  ],
});
add({
  title: '请 and 感谢',
  code: K,
  verdict: 'pass',
  transcript: call(agent(0, 2, '请稍等'), agent(5, 8, '感谢您的来电')),
  evidence: [{ matched: '请' }, { matched: '感谢' }],
});
add({ title: 'only 请', code: K, verdict: 'fail', transcript: call(agent(0, 2, '请稍等')), evidence: [] });
add({ title: 'only 谢谢', code: K, verdict: 'fail', transcript: call(agent(0, 2, '谢谢')), evidence: [] });
add({
  title: 'Traditional 請 and 謝謝',
  code: K,
  verdict: 'pass',
  transcript: call(agent(0, 2, '請稍等'), agent(3, 4, '謝謝')),
  evidence: [{ text: '請' }, { text: '謝謝' }],
});
add({
  title: 'Traditional 感謝',
  code: K,
  verdict: 'pass',
  transcript: call(agent(0, 2, '請稍等'), agent(3, 4, '感謝來電')),
  evidence: [{ text: '請' }, { text: '感謝', matched: '感谢' }],
});
add({ title: '情 (same sound as 请) does not count for one character', code: K, verdict: 'fail', transcript: call(agent(0, 2, '情况是这样的'), agent(3, 4, '谢谢')) });
add({ title: '清 of 清楚 does not count as 请', code: K, verdict: 'fail', transcript: call(agent(0, 2, '清楚了'), agent(3, 4, '谢谢')) });
add({
  title: 'ASR homophone 谢邪',
  code: K,
  verdict: 'pass',
  transcript: call(agent(0, 2, '请稍等'), agent(3, 4, '谢邪')),
  evidence: [{ text: '请' }, { text: '谢邪', matched: '谢谢' }],
});
add({
  title: 'ASR homophone 谢写',
  code: K,
  verdict: 'pass',
  transcript: call(agent(0, 2, '请稍等'), agent(3, 4, '好的谢写')),
  evidence: [{ text: '请' }, { text: '谢写' }],
});
add({
  title: 'ASR homophone 感蟹',
  code: K,
  verdict: 'pass',
  transcript: call(agent(0, 2, '请稍等'), agent(3, 4, '感蟹您')),
  evidence: [{ text: '请' }, { text: '感蟹', matched: '感谢' }],
});
add({ title: 'agent says 请, customer says 谢谢', code: K, verdict: 'fail', transcript: call(agent(0, 2, '请讲'), customer(3, 4, '谢谢')), evidence: [] });
add({ title: 'customer says 请, agent says 谢谢', code: K, verdict: 'fail', transcript: call(customer(0, 2, '请问'), agent(3, 4, '谢谢')), evidence: [] });
add({
  title: '请 three times and 谢谢 once',
  code: K,
  verdict: 'pass',
  transcript: call(agent(0, 2, '请坐，请讲，请稍等'), agent(3, 4, '谢谢')),
  evidence: [{ charStart: 0 }, { charStart: 3 }, { charStart: 6 }, { segment: 1 }],
});
add({
  title: '谢谢谢谢 is one stuttered thank-you, not three',
  code: K,
  verdict: 'pass',
  transcript: call(agent(0, 1, '请'), agent(1, 2, '谢谢谢谢')),
  evidence: [{ segment: 0 }, { segment: 1, charStart: 0, charEnd: 4, how: 'stutter' }],
});
add({
  title: 'both in one segment',
  code: K,
  verdict: 'pass',
  transcript: call(agent(0, 4, '感谢来电，请问有什么可以帮您')),
  evidence: [
    { matched: '感谢', charStart: 0 },
    { matched: '请', charStart: 5 },
  ],
});
add({ title: 'no agent speech', code: K, verdict: 'fail', transcript: call(customer(0, 4, '请问谢谢')), evidence: [] });
add({ title: '谢了 is not 谢谢', code: K, verdict: 'fail', transcript: call(agent(0, 2, '请稍等'), agent(3, 4, '谢了')) });
add({ title: '多谢 is not 谢谢 (not configured)', code: K, verdict: 'fail', transcript: call(agent(0, 2, '请稍等'), agent(3, 4, '多谢')) });
add({
  title: 'full-width and spaces: 「請 稍等」「謝 謝」',
  code: K,
  verdict: 'pass',
  transcript: call(agent(0, 2, '「請 稍等」'), agent(3, 4, '「謝 謝」')),
  evidence: [{ text: '請' }, { text: '謝 謝' }],
});
add({
  title: 'courtesy phrases need no window: at the end of a long call',
  code: K,
  verdict: 'pass',
  duration: 600,
  transcript: call(agent(580, 582, '请'), agent(590, 592, '谢谢')),
});

// ---------------------------------------------------------------- CONFIRM
const F = 'CONFIRM';
add({
  title: 'the confirmation script',
  code: F,
  verdict: 'pass',
  transcript: call(agent(0, 10, '先生，不知道我刚才是否将您的问题解释清楚了？')),
  evidence: [{ segment: 0, text: '是否将您的问题解释清楚', matched: '是否将您的问题解释清楚', charStart: 9, charEnd: 20 }],
});
add({ title: 'with 女士', code: F, verdict: 'pass', transcript: call(agent(0, 10, '女士，不知道我刚才是否将您的问题解释清楚了')) });
add({
  title: 'in Traditional',
  code: F,
  verdict: 'pass',
  transcript: call(agent(0, 10, '先生，不知道我剛才是否將您的問題解釋清楚了？')),
  evidence: [{ text: '是否將您的問題解釋清楚' }],
});
add({
  title: 'with spaces and commas inside',
  code: F,
  verdict: 'pass',
  transcript: call(agent(0, 10, '是否 将您的 问题，解释清楚')),
  evidence: [{ text: '是否 将您的 问题，解释清楚', charStart: 0 }],
});
add({
  title: 'ASR homophone 清除 for 清楚',
  code: F,
  verdict: 'pass',
  transcript: call(agent(0, 10, '我刚才是否将您的问题解释清除了')),
  evidence: [{ text: '是否将您的问题解释清除' }],
});
add({ title: 'ASR homophone 事否 for 是否', code: F, verdict: 'pass', transcript: call(agent(0, 10, '事否将您的问题解释清楚')) });
add({ title: 'said by the customer', code: F, verdict: 'fail', transcript: call(customer(0, 10, '你是否将我的问题解释清楚了'), agent(11, 12, '是的')), evidence: [] });
add({ title: 'customer says the script word for word', code: F, verdict: 'fail', transcript: call(customer(0, 10, '是否将您的问题解释清楚')) });
add({ title: '我解释清楚了吗 is not the script', code: F, verdict: 'fail', transcript: call(agent(0, 3, '我解释清楚了吗')) });
add({ title: 'half the script', code: F, verdict: 'fail', transcript: call(agent(0, 3, '是否将您的问题')) });
add({
  title: 'script split over two segments',
  code: F,
  verdict: 'pass',
  transcript: call(agent(0, 3, '是否将您的问题'), agent(3, 5, '解释清楚了')),
  evidence: [{ segment: 0, segments: [0, 1], how: 'across-segments', text: '是否将您的问题解释清楚' }],
});
add({ title: 'script split over segments 3 s apart', code: F, verdict: 'fail', transcript: call(agent(0, 3, '是否将您的问题'), agent(6, 8, '解释清楚了')) });
add({ title: 'with 请问 before it', code: F, verdict: 'pass', transcript: call(agent(0, 6, '请问我是否将您的问题解释清楚了呢')), evidence: [{ charStart: 3 }] });
add({ title: 'latin salutation', code: F, verdict: 'pass', transcript: call(agent(0, 8, 'Mr. 王，不知道我刚才是否将您的问题解释清楚了')) });
add({ title: 'at the end of a long call', code: F, verdict: 'pass', duration: 900, transcript: call(agent(880, 890, '是否将您的问题解释清楚了')) });
add({ title: 'full-width punctuation everywhere', code: F, verdict: 'pass', transcript: call(agent(0, 8, '「是否．將您的問題．解釋清楚」？')) });

// ---------------------------------------------------------------- FORBIDDEN
const X = 'FORBIDDEN';
const TRADITIONAL: Record<string, string> = {
  '这事不归我们管，我也不知道': '這事不歸我們管，我也不知道',
  我不清楚: '我不清楚',
  '不能办，我也没办法': '不能辦，我也沒辦法',
  我们向来都这样的: '我們向來都這樣的',
  '不是已经跟你讲过了吗，还要问': '不是已經跟你講過了嗎，還要問',
};
for (const phrase of DEFAULT_FORBIDDEN_PHRASES) {
  const traditional = TRADITIONAL[phrase];
  add({
    title: `forbidden ${phrase} inside a sentence`,
    code: X,
    verdict: 'fail',
    transcript: call(...CLEAN.slice(0, 3), agent(30, 36, `唉，${phrase}。`)),
    evidence: [{ segment: 3, text: phrase, matched: phrase, charStart: 2, charEnd: 2 + phrase.length }],
  });
  add({
    title: `forbidden ${phrase} in Traditional`,
    code: X,
    verdict: 'fail',
    transcript: call(agent(0, 6, traditional)),
    evidence: [{ segment: 0, text: traditional, matched: phrase, charStart: 0, charEnd: traditional.length, start: 0, end: 6 }],
  });
  const noisy = ` ${[...phrase.replace('，', '')].join(' ')}！`;
  add({
    title: `forbidden ${phrase} with spaces between the characters`,
    code: X,
    verdict: 'fail',
    transcript: call(agent(0, 6, noisy)),
    evidence: [{ text: noisy.trim().replace('！', ''), charStart: 1, charEnd: noisy.length - 1 }],
  });
  add({ title: `forbidden ${phrase} said by the customer`, code: X, verdict: 'pass', transcript: call(...CLEAN, customer(27, 30, phrase)), evidence: [] });
}
const forbidden = (title: string, text: string, verdict: Verdict, evidence?: Partial<Evidence>[]) =>
  add({ title, code: X, verdict, transcript: call(agent(0, 5, text)), evidence });
forbidden('ASR homophone 我不清除', '我不清除', 'fail', [{ text: '我不清除', matched: '我不清楚' }]);
forbidden('ASR homophone 我部清楚', '这个我部清楚', 'fail', [{ text: '我部清楚', charStart: 2 }]);
forbidden('ASR homophone 我不请楚', '我不请楚', 'fail');
forbidden('ASR homophone 我们向来都这样得', '我们向来都这样得', 'fail', [{ matched: '我们向来都这样的' }]);
forbidden('ASR homophone 讲过了嘛', '不是已经跟你讲过了嘛，还要问', 'fail', [{ matched: '不是已经跟你讲过了吗，还要问' }]);
forbidden('ASR homophone 讲过乐吗 (了 read le in context)', '不是已经跟你讲过乐吗还要问', 'fail');
forbidden('ASR homophone 不知到', '这事不归我们管我也不知到', 'fail');
forbidden('ASR homophone 不能半', '不能半，我也没办法', 'fail', [{ text: '不能半，我也没办法' }]);
forbidden('我不太清楚 is not the phrase', '这个我不太清楚，我帮您查一下', 'pass', []);
forbidden('我也不知道 alone is not the listed phrase', '我也不知道呢', 'pass', []);
forbidden('我很清楚', '这个问题我很清楚', 'pass', []);
forbidden('我们一向都这样 is not the phrase', '我们一向都这样', 'pass', []);
forbidden('不能办 alone', '这个不能办', 'pass', []);
forbidden('two forbidden phrases', '我不清楚，不能办，我也没办法', 'fail', [
  { matched: '我不清楚', charStart: 0 },
  { matched: '不能办，我也没办法', charStart: 5 },
]);
forbidden('the same forbidden phrase twice', '我不清楚我不清楚', 'fail', [{ charStart: 0 }, { charStart: 4 }]);
forbidden('forbidden phrase at the end with full-width bang', '这个嘛我不清楚！', 'fail', [{ text: '我不清楚', charStart: 3, charEnd: 7 }]);
add({
  title: 'customer says 我不清楚, agent says 我清楚',
  code: X,
  verdict: 'pass',
  transcript: call(customer(0, 2, '我不清楚'), agent(3, 5, '我清楚')),
  evidence: [],
});
add({
  title: 'homophones switched off: 我不清除 passes',
  code: X,
  verdict: 'pass',
  transcript: call(agent(0, 2, '我不清除')),
  rule: { type: 'phrase-forbidden', phrases: [...DEFAULT_FORBIDDEN_PHRASES], homophones: false },
});
add({
  title: 'short phrases match by text only: 不行 vs 步行',
  code: X,
  verdict: 'pass',
  transcript: call(agent(0, 2, '您可以步行过去')),
  rule: { type: 'phrase-forbidden', phrases: ['不行'] },
});
add({
  title: 'short phrases still match their own text',
  code: X,
  verdict: 'fail',
  transcript: call(agent(0, 2, '这样不行')),
  rule: { type: 'phrase-forbidden', phrases: ['不行'] },
  evidence: [{ text: '不行', charStart: 2 }],
});
add({
  title: 'evidence time estimated by position',
  code: X,
  verdict: 'fail',
  transcript: call(agent(10, 20, '好的先生这个我不清楚')),
  evidence: [{ segment: 0, charStart: 6, charEnd: 10, start: 16, end: 20 }],
});

// ---------------------------------------------------------------- INTERRUPT
const I = 'INTERRUPT';
const talk = '我想问一下这个月的话费怎么这么多';
const interrupt = (title: string, segments: Segment[], verdict: Verdict, evidence?: Partial<Evidence>[], rule?: RuleConfig) =>
  add({ title, code: I, verdict, transcript: call(...segments), evidence, rule });
interrupt('overlap of 0.99 s', [customer(0, 5, talk), agent(4.01, 6, '您好')], 'pass', []);
interrupt('overlap of 0.999 s', [customer(0, 5, talk), agent(4.001, 6, '您好')], 'pass', []);
interrupt('overlap of exactly 1.0 s', [customer(0, 5, talk), agent(4, 6, '您好')], 'fail', [{ segment: 1, start: 4, end: 5, text: '您好' }]);
interrupt('overlap of 1.2 s', [customer(0, 5, talk), agent(3.8, 6, '您好')], 'fail', [{ segment: 1, start: 3.8, end: 5 }]);
interrupt('overlap of 1.0 s that floats to 0.9999999999999998', [customer(0, 2.3, talk), agent(1.3, 4, '您好')], 'fail', [{ start: 1.3, end: 2.3 }]);
interrupt('customer interrupts the agent', [agent(0, 5, '请您听我说完'), customer(4, 6, talk)], 'pass', []);
interrupt('both start together', [customer(0, 5, talk), agent(0, 3, '您好')], 'pass', []);
interrupt('short backchannel 嗯 (0.5 s)', [customer(0, 10, talk), agent(2, 2.5, '嗯')], 'pass', []);
interrupt('agent talks 1.5 s inside the customer turn', [customer(0, 10, talk), agent(2, 3.5, '对对对')], 'fail', [{ start: 2, end: 3.5 }]);
interrupt('agent starts exactly when the customer stops', [customer(0, 5, talk), agent(5, 8, '好的')], 'pass', []);
interrupt('agent already speaking when the customer starts', [agent(0, 5, '您好'), customer(1, 3, '喂')], 'pass', []);
interrupt('agent interrupts the second customer turn', [customer(0, 3, '你好'), agent(3.5, 5, '您好'), customer(6, 12, talk), agent(10, 13, '我知道了')], 'fail', [
  { segment: 3, start: 10, end: 12 },
]);
interrupt('two interruptions', [customer(0, 5, talk), agent(3, 6, '您好'), customer(7, 12, talk), agent(10, 13, '我知道了')], 'fail', [{ segment: 1 }, { segment: 3 }]);
interrupt('two customer segments overlapping, no agent', [customer(0, 5, talk), customer(3, 8, talk)], 'pass', []);
interrupt('threshold 2.0 s: overlap 1.5 s', [customer(0, 5, talk), agent(3.5, 6, '您好')], 'pass', [], { type: 'interrupt', minOverlapSeconds: 2 });
interrupt('threshold 2.0 s: overlap 2.0 s', [customer(0, 5, talk), agent(3, 6, '您好')], 'fail', [{ start: 3, end: 5 }], { type: 'interrupt', minOverlapSeconds: 2 });
interrupt('threshold 0.5 s: overlap 0.6 s', [customer(0, 5, talk), agent(4.4, 6, '您好')], 'fail', [{ start: 4.4, end: 5 }], {
  type: 'interrupt',
  minOverlapSeconds: 0.5,
});
interrupt('segments listed out of order', [agent(4, 6, '您好'), customer(0, 5, talk)], 'fail', [{ segment: 0, start: 4, end: 5 }]);
interrupt('agent inside two overlapping customer segments: the longest overlap', [customer(0, 5, talk), customer(1, 8, talk), agent(4, 9, '您好')], 'fail', [
  { segment: 2, start: 4, end: 8 },
]);
interrupt('only the agent speaks', [agent(0, 5, '您好'), agent(4, 8, '请稍等')], 'pass', []);
interrupt('evidence text is the agent segment', [customer(0, 5, talk), agent(2, 7, '先生您先听我说')], 'fail', [{ text: '先生您先听我说', matched: '' }]);

// ---------------------------------------------------------------- SILENCE
const S = 'SILENCE';
const silence = (title: string, segments: Segment[], verdict: Verdict, evidence?: Partial<Evidence>[], extra: Partial<LabelledCase> = {}) =>
  add({ title, code: S, verdict, transcript: call(...segments), evidence, ...extra });
silence('pause of 9.9 s', [agent(0, 2, '请稍等'), customer(11.9, 14, '好了吗')], 'pass', []);
silence('pause of 9.99 s', [agent(0, 2, '请稍等'), customer(11.99, 14, '好了吗')], 'pass', []);
silence('pause of exactly 10.0 s', [agent(0, 2, '请稍等'), customer(12, 14, '好了吗')], 'fail', [{ segment: 1, start: 2, end: 12, text: '', matched: '' }]);
silence('pause of 12 s between agent turns', [agent(0, 2, '请稍等'), agent(14, 16, '让您久等了')], 'fail', [{ segment: 1, start: 2, end: 14 }]);
silence('pause of 10.0 s that floats to 9.999999999999998', [agent(0, 6.4, '请稍等'), customer(16.4, 18, '好了吗')], 'fail', [{ start: 6.4, end: 16.4 }]);
silence('overlapping speech bridges the gap', [agent(0, 10, '请稍等'), customer(5, 20, talk), agent(25, 30, '好的')], 'pass', []);
silence('one long segment covers the others', [agent(0, 30, '请稍等'), customer(5, 6, '嗯'), customer(20, 21, '嗯')], 'pass', []);
silence('silence before the first words does not count', [agent(20, 22, '您好'), customer(23, 25, '你好')], 'pass', [], { duration: 60 });
silence('silence after the last words does not count', [agent(0, 2, '您好'), customer(3, 30, '你好')], 'pass', [], { duration: 90 });
silence('segments out of order', [agent(15, 18, '让您久等了'), agent(0, 2, '请稍等')], 'fail', [{ segment: 0, start: 2, end: 15 }]);
silence('two silences', [agent(0, 2, '请稍等'), agent(14, 16, '还在查'), customer(30, 32, '好了吗')], 'fail', [
  { segment: 1, start: 2, end: 14 },
  { segment: 2, start: 16, end: 30 },
]);
silence('threshold 5 s: pause of 6 s', [agent(0, 2, '请稍等'), agent(8, 9, '好了')], 'fail', [{ start: 2, end: 8 }], { rule: { type: 'silence', maxGapSeconds: 5 } });
silence('threshold 5 s: pause of 4.9 s', [agent(0, 2, '请稍等'), agent(6.9, 9, '好了')], 'pass', [], { rule: { type: 'silence', maxGapSeconds: 5 } });
silence('a single segment', [agent(0, 60, '您好')], 'pass', []);
silence('gap measured from the latest end', [agent(0, 8, '请稍等'), customer(1, 3, '好'), agent(18, 20, '好了')], 'fail', [{ segment: 2, start: 8, end: 18 }]);
silence('only the customer speaks, with a pause', [customer(0, 2, '喂'), customer(13, 15, '喂，有人吗')], 'fail', [{ segment: 1, start: 2, end: 13 }]);
silence('a clean call with short pauses', CLEAN, 'pass', []);
silence('pause of 9.9 s next to a pause of 10.5 s', [agent(0, 1, '请稍等'), agent(10.9, 12, '还在查'), agent(22.5, 24, '好了')], 'fail', [
  { segment: 2, start: 12, end: 22.5 },
]);

export const LABELLED_CASES: readonly LabelledCase[] = cases;
