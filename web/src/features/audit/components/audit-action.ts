import type { TFunction } from 'i18next';
import { zhCN } from '../../../i18n/zh-CN';

type ActionKey = keyof typeof zhCN.audit.actions;

/** The actions the log knows a name for; an unknown one shows as the server wrote it. */
export const AUDIT_ACTIONS = Object.keys(zhCN.audit.actions).map((key) => key.replace(/_/g, '.'));

export function actionLabel(action: string, t: TFunction): string {
  const key = action.replace(/\./g, '_');
  return key in zhCN.audit.actions ? t(`audit.actions.${key as ActionKey}`) : action;
}
