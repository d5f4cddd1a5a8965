/** The default checklist's automatic rules (DOMAIN.md "Default rules a transcript can check"). */
import type { RuleDefinition } from './types.js';

/** 服务忌语 as the standard lists them; normalisation drops the punctuation inside them. */
export const DEFAULT_FORBIDDEN_PHRASES: readonly string[] = [
  '这事不归我们管，我也不知道',
  '我不清楚',
  '不能办，我也没办法',
  '我们向来都这样的',
  '不是已经跟你讲过了吗，还要问',
];

/** 「是否将您的问题解释清楚」 and its usual variants: 是否/有没有 × 将/把 × 您/你, the standard's wording first. */
export const CONFIRM_VARIANTS: string[] = ['是否', '有没有'].flatMap((whether) =>
  ['将', '把'].flatMap((take) => ['您', '你'].map((you) => `${whether}${take}${you}的问题解释清楚`)),
);

export const DEFAULT_RULES: readonly RuleDefinition[] = [
  {
    code: 'GREETING',
    rule: { type: 'phrase-required', phrases: [['您好', '你好']], speaker: 'agent', window: { from: 'start', seconds: 15 } },
  },
  {
    code: 'CLOSING',
    rule: { type: 'phrase-required', phrases: [['再见']], speaker: 'agent', window: { from: 'end', seconds: 30 } },
  },
  { code: 'COURTESY', rule: { type: 'phrase-required', phrases: [['请'], ['谢谢', '感谢']], speaker: 'agent' } },
  {
    code: 'CONFIRM',
    // The core of 「*先生/女士，不知道我刚才是否将您的问题解释清楚了？」: any salutation around it will do.
    // The usual variants of the script (是否/有没有, 将/把, 您/你) are alternatives the supervisor may edit;
    // the first is the standard's own wording. One word missing, extra or misheard is forgiven (fuzzy).
    rule: { type: 'phrase-required', phrases: [CONFIRM_VARIANTS], speaker: 'agent' },
  },
  { code: 'FORBIDDEN', rule: { type: 'phrase-forbidden', phrases: [...DEFAULT_FORBIDDEN_PHRASES], speaker: 'agent' } },
  { code: 'INTERRUPT', rule: { type: 'interrupt', minOverlapSeconds: 1.0 } },
  { code: 'SILENCE', rule: { type: 'silence', maxGapSeconds: 10 } },
];
