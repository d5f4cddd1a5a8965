import { Alert, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAutocheckRuns } from '../api/autocheck-runs';

/**
 * Background re-checks of past calls after a publish (admins and supervisors see them): a progress
 * bar per running run, refreshed every 2 s, and a line about the last finished one.
 */
export function RecheckProgress() {
  const { t, i18n } = useTranslation();
  const runs = useAutocheckRuns();
  const items = runs.data?.items ?? [];
  const running = items.filter((run) => run.status === 'running');
  const last = items.find((run) => run.status !== 'running');
  if (running.length) {
    return (
      <Alert
        type="info"
        style={{ marginBottom: 16 }}
        data-testid="recheck-progress"
        title={
          <Space orientation="vertical" style={{ width: '100%' }}>
            {running.map((run) => (
              <div key={run.id}>
                <Typography.Text>{t('checklists.recheck.running', { version: run.checklistVersion, done: run.done, total: run.total })}</Typography.Text>
                <Progress percent={run.total ? Math.floor((100 * run.done) / run.total) : 0} status="active" />
              </div>
            ))}
          </Space>
        }
      />
    );
  }
  if (!last) return null;
  const when = new Date(last.finishedAt ?? last.startedAt).toLocaleString(i18n.resolvedLanguage);
  return (
    <Typography.Paragraph type="secondary" data-testid="recheck-last">
      {last.status === 'done'
        ? t('checklists.recheck.done', { version: last.checklistVersion, total: last.total, when })
        : t('checklists.recheck.stopped', {
            version: last.checklistVersion,
            done: last.done,
            total: last.total,
            status: last.status === 'superseded' ? t('checklists.recheck.superseded') : last.status,
            when,
          })}
    </Typography.Paragraph>
  );
}
