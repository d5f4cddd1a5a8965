import { Alert, Button, Card, Flex, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProjects } from '#web/api/projects';
import { LoadError } from '#web/components/errors/load-error';
import { paths } from '#web/config/paths';
import { type DryRunExample, type DryRunRule, useDryRun } from '../api/dry-run';

const CHANGE_COLOR: Record<DryRunRule['change'], string | undefined> = { same: undefined, changed: 'blue', added: 'green', removed: 'red' };

function Examples({ examples, total, testId }: { examples: DryRunExample[]; total: number; testId: string }) {
  const { i18n } = useTranslation();
  if (!examples.length) return null;
  return (
    <Space orientation="vertical" size={0} data-testid={testId}>
      {examples.map((e) => (
        <Link key={e.recordingId} to={paths.recording.getHref(e.recordingId)} data-testid="dry-run-example">
          {new Date(e.startedAt).toLocaleString(i18n.resolvedLanguage)} · {e.agent}
        </Link>
      ))}
      {total > examples.length && <Typography.Text type="secondary">…</Typography.Text>}
    </Space>
  );
}

/**
 * Issue 17: before publishing, the draft's rules run against a project's calls of the last 7 days
 * next to the active version's, showing per rule how many verdicts would flip and a few of those
 * calls. It reads the saved draft; unsaved edits are not in it.
 */
export function DryRunPanel({ draftId, dirty }: { draftId: string; dirty: boolean }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const [chosen, setChosen] = useState<string>();
  const [requested, setRequested] = useState<string>();
  const project = chosen ?? projects.data?.items[0]?.code;
  const run = useDryRun(draftId, requested);
  const result = run.data;

  const start = () => {
    if (!project) return;
    if (project === requested) void run.refetch();
    else setRequested(project);
  };

  const columns: TableColumnsType<DryRunRule> = [
    {
      title: t('checklists.dryRun.rule'),
      key: 'rule',
      render: (_, rule) => (
        <Space size={4} wrap>
          <Typography.Text code>{rule.code}</Typography.Text>
          {rule.title}
          {rule.change !== 'same' && <Tag color={CHANGE_COLOR[rule.change]}>{t(`checklists.dryRun.change.${rule.change}`)}</Tag>}
        </Space>
      ),
    },
    {
      title: t('checklists.dryRun.failing'),
      key: 'failing',
      align: 'right',
      render: (_, rule) => t('checklists.dryRun.beforeAfter', { before: rule.failBefore, after: rule.failAfter }),
    },
    {
      title: t('checklists.dryRun.passToFail'),
      key: 'passToFail',
      render: (_, rule) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text type={rule.passToFail ? 'danger' : 'secondary'} strong={!!rule.passToFail} data-testid={`dry-run-${rule.code}-pass-to-fail`}>
            {rule.passToFail}
          </Typography.Text>
          <Examples examples={rule.passToFailExamples} total={rule.passToFail} testId={`dry-run-${rule.code}-pass-to-fail-examples`} />
        </Space>
      ),
    },
    {
      title: t('checklists.dryRun.failToPass'),
      key: 'failToPass',
      render: (_, rule) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text type={rule.failToPass ? 'success' : 'secondary'} strong={!!rule.failToPass} data-testid={`dry-run-${rule.code}-fail-to-pass`}>
            {rule.failToPass}
          </Typography.Text>
          <Examples examples={rule.failToPassExamples} total={rule.failToPass} testId={`dry-run-${rule.code}-fail-to-pass-examples`} />
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('checklists.dryRun.title')} style={{ marginBottom: 16 }} data-testid="dry-run">
      <Typography.Paragraph type="secondary">{t('checklists.dryRun.help')}</Typography.Paragraph>
      <Flex gap="small" wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 200 }}
          value={project}
          onChange={setChosen}
          loading={projects.isPending}
          options={(projects.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
          aria-label={t('checklists.dryRun.project')}
          data-testid="dry-run-project"
        />
        <Button onClick={start} loading={run.isFetching} disabled={!project} data-testid="dry-run-start">
          {t('checklists.dryRun.start')}
        </Button>
        {dirty && <Typography.Text type="warning">{t('checklists.dryRun.unsaved')}</Typography.Text>}
      </Flex>
      {run.isError ? (
        <LoadError error={run.error} onRetry={() => void run.refetch()} />
      ) : result ? (
        <>
          <Alert
            type={result.callsFlipped ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="dry-run-summary"
            title={t('checklists.dryRun.summary', { project: result.project, days: result.days, checked: result.checked, flipped: result.callsFlipped })}
            description={
              result.sample ? (
                <span data-testid="dry-run-sample">{t('checklists.dryRun.sample', { checked: result.checked, eligible: result.eligible })}</span>
              ) : undefined
            }
          />
          <Table<DryRunRule>
            rowKey="code"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={columns}
            dataSource={result.rules}
            onRow={(rule) => ({ 'data-testid': `dry-run-rule-${rule.code}` }) as HTMLAttributes<HTMLElement>}
            data-testid="dry-run-rules"
          />
        </>
      ) : null}
    </Card>
  );
}
