import { Drawer, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '#web/components/errors/load-error';
import { type EvaluationHistoryEntry, useHistory } from '../api/history';

const KNOWN = ['created', 'submitted', 'amended'] as const;

/** "85 → 70 (CONFIRM 合格 → 不合格)": what an amendment changed, from the history's `change`. */
function useChangeText() {
  const { t } = useTranslation();
  return (entry: EvaluationHistoryEntry): string | null => {
    const change = entry.change as {
      before?: { score?: number | null; items?: { code: string; verdict: string | null }[] };
      after?: { score?: number | null; items?: { code: string; verdict: string | null }[] };
      score?: number;
      fatal?: boolean;
      source?: string;
    } | null;
    if (!change) return null;
    const verdict = (v: string | null | undefined) => (v === 'pass' || v === 'fail' || v === 'na' ? t(`workspace.verdicts.${v}`) : '—');
    if (change.before && change.after) {
      const items = (change.after.items ?? []).map((a) => `${a.code} ${verdict(change.before?.items?.find((b) => b.code === a.code)?.verdict)} → ${verdict(a.verdict)}`);
      return t('workspace.historyAmended', { before: change.before.score ?? '—', after: change.after.score ?? '—', items: items.join(t('common.listSeparator')) });
    }
    if (typeof change.score === 'number') return t('workspace.historyScore', { score: change.score });
    return null;
  };
}

/** Who created, submitted and amended the evaluation, when and why. */
export function HistoryDrawer({ evaluationId, open, onClose }: { evaluationId: string; open: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const history = useHistory(evaluationId, open);
  const changeText = useChangeText();
  return (
    <Drawer open={open} onClose={onClose} title={t('workspace.history')} size={420}>
      {history.isError ? (
        <LoadError error={history.error} onRetry={() => void history.refetch()} />
      ) : !history.data ? (
        <Skeleton active />
      ) : history.data.length === 0 ? (
        <Empty />
      ) : (
        <Timeline
          data-testid="evaluation-history"
          items={history.data.map((entry, i) => ({
            key: i,
            color: entry.action === 'amended' ? 'orange' : entry.action === 'submitted' ? 'green' : 'blue',
            content: (
              <div data-testid="history-entry" data-action={entry.action}>
                <Typography.Text strong>
                  {KNOWN.includes(entry.action as (typeof KNOWN)[number]) ? t(`workspace.historyActions.${entry.action as (typeof KNOWN)[number]}`) : entry.action}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {entry.username} · {new Date(entry.at).toLocaleString(i18n.resolvedLanguage)}
                </Typography.Text>
                {entry.reason && <div>{t('workspace.historyReason', { reason: entry.reason })}</div>}
                {changeText(entry) && (
                  <div>
                    <Typography.Text type="secondary">{changeText(entry)}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
