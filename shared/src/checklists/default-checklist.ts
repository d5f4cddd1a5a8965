import { DEFAULT_RULES } from '../rules/defaults.js';
import type { RuleConfig } from '../rules/types.js';
import type { ChecklistSection } from './types.js';

const rule = (code: string): RuleConfig => structuredClone(DEFAULT_RULES.find((r) => r.code === code)!.rule);

/**
 * The centre's service standard (DOMAIN.md 五(一), sections A and B) as the checklist a new
 * database starts with. The seven rule codes are pre-scored from the transcript; the rest by ear.
 */
export const DEFAULT_CHECKLIST: ChecklistSection[] = [
  {
    title: 'A 服务态度',
    items: [
      { code: 'GREETING', title: '开头问候（您好）', guidance: '通话开始 15 秒内使用问候语「您好」', points: 5, critical: false, allowNa: false, rule: rule('GREETING') },
      {
        code: 'COURTESY',
        title: '礼貌用语（请、谢谢）',
        guidance: '通话中使用「请」和「谢谢/感谢」',
        points: 5,
        critical: false,
        allowNa: false,
        rule: rule('COURTESY'),
      },
      { code: 'CLOSING', title: '结束语（再见）', guidance: '通话结束前 30 秒内说「再见」', points: 5, critical: false, allowNa: false, rule: rule('CLOSING') },
      {
        code: 'INTERRUPT',
        title: '不得无故打断客户',
        guidance: '耐心、细致、礼貌，不能无故打断客户说话（重叠 ≥ 1 秒）',
        points: 10,
        critical: false,
        allowNa: false,
        rule: rule('INTERRUPT'),
      },
      {
        code: 'FORBIDDEN',
        title: '不得使用服务忌语',
        guidance: '不说服务忌语，不拖腔、不生硬、不教训、不质问、不嘲讽；命中即致命',
        points: 10,
        critical: true,
        allowNa: false,
        rule: rule('FORBIDDEN'),
      },
      { code: 'A4', title: '不得不懂装懂、推诿拖延', guidance: '遇到不确定的问题不装懂、不推诿、不拖延', points: 10, critical: false, allowNa: false },
      { code: 'A5', title: '出错时接受批评、道歉并纠正', guidance: '出现差错时虚心接受批评或道歉，并及时纠正', points: 5, critical: false, allowNa: true },
      {
        code: 'CONFIRM',
        title: '确认客户理解（确认话术）',
        guidance: '解释后使用确认话术：「*先生/女士，不知道我刚才是否将您的问题解释清楚了？」，未理解则再次解释',
        points: 10,
        critical: false,
        allowNa: true,
        rule: rule('CONFIRM'),
      },
      { code: 'A7', title: '不得心不在焉、重复询问', guidance: '不反复询问客户同一问题', points: 5, critical: false, allowNa: false },
      { code: 'A8', title: '专注倾听，及时回应', guidance: '认真倾听，及时回答客户问题', points: 5, critical: false, allowNa: false },
      { code: 'SILENCE', title: '无冷场（静默）', guidance: '首句与末句之间无 ≥ 10 秒的无人说话', points: 5, critical: false, allowNa: false, rule: rule('SILENCE') },
    ],
  },
  {
    title: 'B 处理技巧',
    items: [
      { code: 'B1', title: '准确把握需求并简要复述', guidance: '快速准确地把握客户需求，并简要复述确认', points: 10, critical: false, allowNa: false },
      { code: 'B2', title: '掌握谈话主动权', guidance: '主导通话进程，避免被客户带偏', points: 5, critical: false, allowNa: false },
      { code: 'B3', title: '专业知识准确', guidance: '业务知识准确、完整', points: 10, critical: false, allowNa: false, knowledge: true },
      { code: 'B4', title: '解释通俗易懂', guidance: '用客户能听懂的语言解释', points: 5, critical: false, allowNa: false },
      { code: 'B5', title: '回答切中要点', guidance: '回答简洁、切中要点', points: 5, critical: false, allowNa: false, knowledge: true },
    ],
  },
];
