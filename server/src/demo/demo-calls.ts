import type { TranscriptDocument, TranscriptSegment } from '#shared/recordings.js';
import { seededRandom } from '#shared/random.js';

/**
 * A week of invented calls for the demo centre: transcripts that keep the service standard and
 * break it in the ways DOMAIN.md lists, timed so that the synthesised audio lines up with them.
 */
export type DemoScenario = 'good' | 'no-greeting' | 'forbidden' | 'interrupt' | 'dead-air' | 'no-closing' | 'no-confirmation' | 'traditional' | 'asr-homophone';

const SCENARIO_WEIGHTS: [DemoScenario, number][] = [
  ['good', 52],
  ['no-greeting', 7],
  ['forbidden', 7],
  ['interrupt', 7],
  ['dead-air', 6],
  ['no-closing', 7],
  ['no-confirmation', 6],
  ['traditional', 4],
  ['asr-homophone', 4],
];

type Turn = [speaker: 'agent' | 'customer', text: string];

/** The middle of a call, by business type: what the customer wants and how the agent helps. */
const BUSINESS: Record<string, Turn[]> = {
  话费查询: [
    ['customer', '你好，我想查一下这个月的话费怎么这么高'],
    ['agent', '好的，请您提供一下机主姓名和身份证后四位'],
    ['customer', '姓陈，后四位是三二一五'],
    ['agent', '谢谢陈先生，我看到您本月多了一笔国际漫游的流量费用，一共八十六元'],
    ['customer', '哦，上周出差去了香港，原来是这样'],
  ],
  套餐变更: [
    ['customer', '我想把现在的套餐换成便宜一点的'],
    ['agent', '好的，请问您平时每个月大概用多少流量和通话分钟'],
    ['customer', '流量用得多，电话很少打'],
    ['agent', '那我建议您办理三十九元的流量套餐，包含三十G流量和一百分钟通话，下个月一号生效'],
    ['customer', '可以，就换这个吧'],
  ],
  宽带报修: [
    ['customer', '我家宽带从昨天晚上开始就上不了网'],
    ['agent', '非常抱歉给您带来不便，请您看一下光猫上的光信号灯是什么颜色'],
    ['customer', '红色的一直在闪'],
    ['agent', '这说明线路有故障，我已经为您提交了报修单，维修师傅会在二十四小时内联系您'],
    ['customer', '好的，那我等电话'],
  ],
  流量包推荐: [
    ['agent', '我们现在有一个十元五G的假日流量包，很适合您这样流量用得多的客户'],
    ['customer', '十块钱五个G，是每个月都要交吗'],
    ['agent', '是按月订购的，您可以随时退订，退订后下个月生效'],
    ['customer', '那先帮我开一个月试试'],
    ['agent', '好的，请您留意稍后收到的确认短信，回复是即可办理'],
  ],
  宽带续约: [
    ['agent', '您家的宽带合约下个月就要到期了，现在续约两年可以享受八折优惠'],
    ['customer', '八折之后一个月多少钱'],
    ['agent', '原价一百元，八折后是八十元一个月，还送一台路由器'],
    ['customer', '我考虑一下，和家里人商量商量'],
  ],
};
export const INBOUND_BUSINESS = ['话费查询', '套餐变更', '宽带报修'];
export const OUTBOUND_BUSINESS = ['流量包推荐', '宽带续约'];

export interface DemoCall {
  scenario: DemoScenario;
  businessType: string;
  duration: number;
  transcript: TranscriptDocument;
}

/**
 * Builds one call's transcript and length for a scenario, deterministic for a random source. A short
 * call keeps only the first exchange of the business (about 30 s instead of 45: the demo's older weeks).
 */
export function demoCall(random: () => number, direction: 'inbound' | 'outbound', toTraditional: (s: string) => string, options: { short?: boolean } = {}): DemoCall {
  const scenario = pickWeighted(random, SCENARIO_WEIGHTS);
  const pool = direction === 'inbound' ? INBOUND_BUSINESS : OUTBOUND_BUSINESS;
  const businessType = pool[Math.floor(random() * pool.length)];
  const salutation = random() < 0.5 ? '先生' : '女士';

  const opening: Turn[] =
    scenario === 'no-greeting'
      ? [['agent', direction === 'inbound' ? '喂，什么事' : '喂，是机主吗，跟你说个业务']]
      : direction === 'inbound'
        ? [['agent', '您好，很高兴为您服务，请问有什么可以帮您']]
        : [
            ['agent', `您好，请问是${salutation}本人吗，我是移动公司的客户经理`],
            ['customer', '是我，什么事'],
          ];
  const middle = options.short ? BUSINESS[businessType].slice(0, 2) : [...BUSINESS[businessType]];
  if (scenario === 'forbidden') {
    const phrase = random() < 0.5 ? '这个我不清楚，你自己去营业厅问吧' : '不是已经跟你讲过了吗，还要问';
    middle.splice(Math.min(3, middle.length), 0, ['customer', '那这个具体是怎么算的'], ['agent', phrase]);
  }
  const confirmation: Turn[] =
    scenario === 'no-confirmation'
      ? []
      : [
          ['agent', `${salutation}，不知道我刚才是否将您的问题解释清楚了`],
          ['customer', '清楚了，谢谢'],
        ];
  const closing: Turn[] =
    scenario === 'no-closing'
      ? [['agent', '行，那就这样']]
      : scenario === 'asr-homophone'
        ? [['agent', '感谢您的来电，祝您生活愉快，在见']]
        : [['agent', '感谢您的耐心，祝您生活愉快，再见']];
  const turns = [...opening, ...middle, ...confirmation, ...closing];

  const segments: TranscriptSegment[] = [];
  let at = 0.3 + random() * 0.6;
  const interruptAt = scenario === 'interrupt' ? 2 + Math.floor(random() * 3) : -1;
  const silenceAt = scenario === 'dead-air' ? 3 + Math.floor(random() * 3) : -1;
  turns.forEach(([speaker, raw], i) => {
    const text = scenario === 'traditional' ? toTraditional(raw) : raw;
    const length = Math.max(1.2, text.length * (0.2 + random() * 0.06));
    let start = at;
    if (i === interruptAt && speaker === 'agent' && segments.length) {
      // The agent cuts in 1.5–2.5 s before the customer has finished.
      start = Math.max(segments[segments.length - 1].start + 0.5, segments[segments.length - 1].end - (1.5 + random()));
    }
    if (i === silenceAt) start += 11 + random() * 4; // dead air: nobody speaks for over ten seconds
    const end = start + length;
    segments.push({ speaker, start: round(start), end: round(end), text: withPunctuation(text) });
    at = Math.max(at, end) + 0.3 + random() * 0.7;
  });
  if (scenario === 'interrupt' && !segments.some((s, i) => i > 0 && s.speaker === 'agent' && s.start < segments[i - 1].end)) {
    // The chosen turn was the customer's: make the next agent turn interrupt instead.
    const i = segments.findIndex((s, k) => k > 1 && s.speaker === 'agent' && segments[k - 1].speaker === 'customer');
    const shift = segments[i].start - (segments[i - 1].end - 1.6);
    for (let k = i; k < segments.length; k++) segments[k] = { ...segments[k], start: round(segments[k].start - shift), end: round(segments[k].end - shift) };
  }
  const duration = round(segments[segments.length - 1].end + 0.8 + random());
  return { scenario, businessType, duration, transcript: { language: 'zh-CN', segments } };
}

function withPunctuation(text: string): string {
  return /[。？！，]$/.test(text) ? text : text + (text.includes('请问') || text.endsWith('吗') ? '？' : '。');
}

const round = (n: number) => Math.round(n * 100) / 100;

function pickWeighted<T>(random: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    if ((r -= w) < 0) return value;
  }
  return weighted[0][0];
}

export { seededRandom };
