import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Why a call was picked: the plan's reasons, a rule an automatic check failed, or a team lead's own pick. */
export const REASONS = ['random', 'new-hire', 'low-score', 'fatal', 'complaint', 'failed', 'spot-check', 'coaching-check', 'rectification', 'grading', 'blind'] as const;
type ReasonKind = (typeof REASONS)[number];

/** The rules the automatic check runs (DOMAIN.md), worst first as the picker names them. */
export const RULE_CODES = ['FORBIDDEN', 'INTERRUPT', 'SILENCE', 'CONFIRM', 'GREETING', 'CLOSING', 'COURTESY'] as const;
type RuleCode = (typeof RULE_CODES)[number];

const COLOURS: Record<ReasonKind, string> = {
  random: 'blue',
  'new-hire': 'cyan',
  'low-score': 'orange',
  fatal: 'red',
  complaint: 'volcano',
  failed: 'magenta',
  'spot-check': 'purple',
  'coaching-check': 'green',
  rectification: 'gold',
  grading: 'geekblue',
  blind: 'default',
};

const isRule = (code: string): code is RuleCode => (RULE_CODES as readonly string[]).includes(code);

/** `failed:FORBIDDEN` → kind `failed`, rule `FORBIDDEN`. */
export function parseReason(reason: string): { kind: ReasonKind | null; rule?: string } {
  if (reason.startsWith('failed:')) return { kind: 'failed', rule: reason.slice('failed:'.length) };
  return { kind: (REASONS as readonly string[]).includes(reason) && reason !== 'failed' ? (reason as ReasonKind) : null };
}

export const ruleLabel = (code: string, t: TFunction) => (isRule(code) ? t(`sampling.rules.${code}`) : code);

export function reasonLabel(reason: string, t: TFunction): string {
  const { kind, rule } = parseReason(reason);
  if (kind === 'failed') return t('sampling.reasons.failed', { rule: ruleLabel(rule ?? '', t) });
  return kind ? t(`sampling.reasons.${kind}`) : reason;
}

export function reasonHelp(reason: string, t: TFunction): string {
  const { kind, rule } = parseReason(reason);
  if (kind === 'failed') return t('sampling.reasonHelp.failed', { rule: ruleLabel(rule ?? '', t), code: rule });
  return kind ? t(`sampling.reasonHelp.${kind}`) : reason;
}

/** A coloured tag saying why the call was picked, its tooltip explaining the reason. */
export function ReasonTag({ reason }: { reason: string }) {
  const { t } = useTranslation();
  const { kind } = parseReason(reason);
  return (
    <Tooltip title={reasonHelp(reason, t)}>
      <Tag color={kind ? COLOURS[kind] : undefined} data-testid="reason-tag" data-reason={reason} style={{ cursor: 'help' }}>
        {reasonLabel(reason, t)}
      </Tag>
    </Tooltip>
  );
}
