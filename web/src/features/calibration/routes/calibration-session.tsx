import { Button, type ButtonProps, Card, Descriptions, Popconfirm, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { PageSpin } from '#web/components/page-spin';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { paths } from '#web/config/paths';
import { useUser } from '#web/lib/auth';
import { useCan } from '#web/lib/authorization';
import { type CalibrationSession, useCalibrationSession, useRevealSession } from '../api/calibration';
import { GuidanceEditor } from '../components/guidance-editor';
import { ResultsTables } from '../components/results-table';
import { StatusTag } from '../components/status-tag';

/** One calibration session: the participants' progress and its calls; after the reveal the side-by-side results, kappa and the guidance. */
export function CalibrationSessionRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useCalibrationSession(id);
  const manages = useCan('calibration.manage');
  const reveal = useRevealSession();
  if (session.isError) return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <PageSpin />;
  const s = session.data;
  return (
    <>
      <PageHeader
        title={
          <Space>
            {s.title}
            <StatusTag status={s.status} />
          </Space>
        }
        extra={
          manages &&
          s.status === 'open' && (
            <Popconfirm
              title={t('calibration.revealConfirm', { submitted: s.submitted, expected: s.expected })}
              onConfirm={() => reveal.mutate(s.id)}
              okButtonProps={{ 'data-testid': 'calibration-reveal-confirm' } as ButtonProps}
            >
              <Button type="primary" loading={reveal.isPending} data-testid="calibration-reveal">
                {t('calibration.reveal')}
              </Button>
            </Popconfirm>
          )
        }
      />
      {reveal.error && <ServerErrorAlert error={reveal.error} />}
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('calibration.project')}>{s.project}</Descriptions.Item>
        <Descriptions.Item label={t('calibration.deadline')}>{s.deadline}</Descriptions.Item>
        <Descriptions.Item label={t('calibration.expert')}>{s.expert ?? t('calibration.noExpert')}</Descriptions.Item>
        <Descriptions.Item label={t('calibration.createdAt')}>{`${dayjs(s.createdAt).format('YYYY-MM-DD HH:mm')} · ${s.createdBy}`}</Descriptions.Item>
      </Descriptions>
      {s.status === 'open' && <Typography.Paragraph type="secondary">{t('calibration.blindHint')}</Typography.Paragraph>}
      <Progress session={s} />
      {s.results && (
        <>
          <ResultsTables session={s} />
          {manages && <GuidanceEditor session={s} />}
        </>
      )}
    </>
  );
}

function Progress({ session }: { session: CalibrationSession }) {
  const { t } = useTranslation();
  const me = useUser().data?.username;
  const takesPart = session.participantList.some((p) => p.username === me);
  return (
    <Card size="small" title={t('calibration.progressTitle', { submitted: session.submitted, expected: session.expected })} style={{ marginBottom: 16 }}>
      <Space align="start" size={32} wrap>
        <Table
          rowKey="username"
          size="small"
          pagination={false}
          dataSource={session.participantList}
          data-testid="calibration-participants-table"
          onRow={(p) => ({ 'data-testid': `participant-${p.username}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('calibration.participant'),
              key: 'name',
              render: (_, p) => `${p.displayName} (${p.username})${p.expert ? ` · ${t('calibration.benchmark')}` : ''}`,
            },
            {
              title: t('calibration.submitted'),
              key: 'submitted',
              render: (_, p) => <span data-testid="participant-submitted">{`${p.submitted} / ${session.calls}`}</span>,
            },
            { title: t('calibration.drafts'), dataIndex: 'drafts' },
          ]}
        />
        <Table
          rowKey="recordingId"
          size="small"
          pagination={false}
          dataSource={session.callList}
          data-testid="calibration-calls-table"
          columns={[
            { title: t('calibration.call'), key: 'n', render: (_, _c, n) => t('calibration.callN', { n: n + 1 }) },
            { title: t('calibration.agent'), key: 'agent', render: (_, c) => `${c.agentName} (${c.agent}) · ${c.team}` },
            { title: t('calibration.startedAt'), dataIndex: 'startedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
            {
              title: '',
              key: 'open',
              render: (_, c) =>
                takesPart && session.status === 'open' ? (
                  <Link to={paths.evaluate.getHref(c.recordingId, { source: 'calibration' })} data-testid={`calibration-score-${c.recordingId}`}>
                    {t('calibration.score')}
                  </Link>
                ) : (
                  <Link to={paths.recording.getHref(c.recordingId)}>{t('calibration.listen')}</Link>
                ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

export default CalibrationSessionRoute;
