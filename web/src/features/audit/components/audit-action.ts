import type { TFunction } from 'i18next';
import { fieldLabel } from '#web/lib/errors';
import { zhCN } from '#web/i18n/zh-CN';

type ActionKey = keyof typeof zhCN.audit.actions;

/** The actions the log knows a name for; an unknown one shows as the server wrote it. */
export const AUDIT_ACTIONS = Object.keys(zhCN.audit.actions).map((key) => key.replace(/_/g, '.'));

export function actionLabel(action: string, t: TFunction): string {
  const key = action.replace(/\./g, '_');
  return key in zhCN.audit.actions ? t(`audit.actions.${key as ActionKey}`) : action;
}

type ReasonKey = keyof typeof zhCN.audit.reasons;
type RoleKey = keyof typeof zhCN.roles;
type GradeKey = keyof typeof zhCN.agents.grades;

function valueText(key: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (key === 'reason' && typeof value === 'string' && value in zhCN.audit.reasons) return t(`audit.reasons.${value as ReasonKey}`);
  if (key === 'grade' && typeof value === 'string' && value in zhCN.agents.grades) return t(`agents.grades.${value as GradeKey}`);
  if (key === 'status' && (value === 'active' || value === 'left')) return value === 'active' ? t('agents.statusActive') : t('agents.statusLeft');
  if (key === 'roles' && Array.isArray(value)) return value.map((r) => (r in zhCN.roles ? t(`roles.${r as RoleKey}`) : String(r))).join(t('common.listSeparator'));
  if (Array.isArray(value)) return value.map(String).join(t('common.listSeparator'));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What an entry records, in words: 「工号：A0001，班组：CS-1」 rather than its JSON. */
export function detailText(detail: Record<string, unknown> | null | undefined, t: TFunction): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([key, value]) => t('audit.detailPair', { key: fieldLabel(key, t), value: valueText(key, value, t) }))
    .join(t('audit.detailSeparator'));
}
