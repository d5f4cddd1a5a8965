import type { TFunction } from 'i18next';
import type { RuleConfig } from '#shared/rules/types';

/** The defaults the rule engine applies when a threshold is left out (shared/src/rules/types.ts). */
export const DEFAULT_MIN_OVERLAP_SECONDS = 1;
export const DEFAULT_MAX_GAP_SECONDS = 10;

const phraseList = (phrases: readonly string[], t: TFunction) => phrases.join(t('checklists.rules.or'));

/** An automatic rule in words: 「开头 15 秒内说：您好 / 你好」, 「忌语：…」. */
export function ruleText(rule: RuleConfig | undefined, t: TFunction): string {
  if (!rule) return t('checklists.rules.none');
  switch (rule.type) {
    case 'phrase-required': {
      const phrases = rule.phrases.map((group) => phraseList(group, t)).join(t('checklists.rules.and'));
      const who = rule.speaker === 'customer' ? t('checklists.rules.customerSays') : '';
      const text = !rule.window
        ? t('checklists.rules.requiredAnywhere', { phrases })
        : rule.window.from === 'start'
          ? t('checklists.rules.requiredStart', { seconds: rule.window.seconds, phrases })
          : t('checklists.rules.requiredEnd', { seconds: rule.window.seconds, phrases });
      return who + text;
    }
    case 'phrase-forbidden': {
      const who = rule.speaker === 'customer' ? t('checklists.rules.customerSays') : '';
      return who + t('checklists.rules.forbidden', { phrases: phraseList(rule.phrases, t) });
    }
    case 'interrupt':
      return t('checklists.rules.interrupt', { seconds: rule.minOverlapSeconds ?? DEFAULT_MIN_OVERLAP_SECONDS });
    case 'silence':
      return t('checklists.rules.silence', { seconds: rule.maxGapSeconds ?? DEFAULT_MAX_GAP_SECONDS });
    default:
      return t('checklists.rules.unknown');
  }
}
