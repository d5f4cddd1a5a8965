import { Alert, App, Button, type ButtonProps, Card, Col, Popconfirm, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AgentReport, FatalCall, ItemReport, NewCommonProblem, OverdueNotice, ReportTrendPoint, TeamReport } from '#shared/api/analysis-reports';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { PageSpin } from '#web/components/page-spin';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { errorMessage } from '#web/lib/errors';
import { downloadReport, usePublishReport, useReport } from '../api/analysis-reports';
import { KindTag, periodText } from '../components/kind-tag';

const score = (v: number | null) => (v === null ? '—' : v.toFixed(1));
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

/** One report, limited to the reader's teams: opening a published one marks it read. */
export function ReportRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const report = useReport(id);
  const publish = usePublishReport();
  const canPublish = useCan('report.analysis.publish');

  if (report.isPending) return <PageSpin />;
  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const c = r.content;
  const figures = [
    { title: t('analysisReports.evaluations'), dataIndex: 'evaluations' },
    { title: t('analysisReports.averageScore'), dataIndex: 'averageScore', render: score },
    { title: t('analysisReports.fatal'), dataIndex: 'fatal' },
    { title: t('analysisReports.fatalRate'), dataIndex: 'fatalRate', render: percent },
  ];
  const download = () => downloadReport(r).catch((error: Error) => void message.error(errorMessage(error, t)));

  return (
    <>
      <PageHeader
        title={
          <Space>
            <KindTag kind={r.kind} />
            <span data-testid="report-title">{`${r.projectName} (${r.project}) · ${periodText(r)}`}</span>
          </Space>
        }
        extra={
          <Space wrap>
            <Link to={paths.analysisReports.getHref()}>{t('analysisReports.title')}</Link>
            <Button onClick={() => void download()} data-testid="report-download">
              {t('analysisReports.download')}
            </Button>
            {canPublish && !r.publishedAt && (
              <Popconfirm
                title={t('analysisReports.publishConfirm')}
                okButtonProps={{ 'data-testid': 'report-publish-confirm' } as ButtonProps}
                onConfirm={() =>
                  publish.mutate(r.id, {
                    onSuccess: () => void message.success(t('analysisReports.publishedOk')),
                    onError: (error) => void message.error(errorMessage(error, t)),
                  })
                }
              >
                <Button type="primary" loading={publish.isPending} data-testid="report-publish">
                  {t('analysisReports.publish')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      {r.publishedAt ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('analysisReports.publishedInfo', { by: r.publishedBy ?? '', at: dayjs(r.publishedAt).format('YYYY-MM-DD HH:mm') })}
          data-testid="report-published"
        />
      ) : (
        <Tag style={{ marginBottom: 16 }}>{t('analysisReports.unpublished')}</Tag>
      )}
      <Card size="small" title={t('analysisReports.overall')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col span={6}>
            <Statistic title={t('analysisReports.evaluations')} value={c.overall.evaluations} data-testid="report-evaluations" />
          </Col>
          <Col span={6}>
            <Statistic title={t('analysisReports.averageScore')} value={score(c.overall.averageScore)} />
          </Col>
          <Col span={6}>
            <Statistic title={t('analysisReports.fatal')} value={c.overall.fatal} />
          </Col>
          <Col span={6}>
            <Statistic title={t('analysisReports.fatalRate')} value={percent(c.overall.fatalRate)} />
          </Col>
        </Row>
      </Card>
      <Section title={t('analysisReports.teams')}>
        <Table<TeamReport>
          rowKey="team"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={c.teams}
          data-testid="report-teams"
          columns={[
            { title: t('analysisReports.teams'), key: 'team', render: (_, x) => `${x.teamName} (${x.team})` },
            ...figures,
            {
              title: t('analysisReports.coaching'),
              key: 'coaching',
              render: (_, x) => `${x.coaching.open} / ${x.coaching.coached} / ${x.coaching.improved} / ${x.coaching.resolved}`,
            },
            {
              title: t('analysisReports.rectification'),
              key: 'rect',
              render: (_, x) => `${x.rectification.issued} / ${x.rectification.open} / ${x.rectification.overdue}`,
            },
          ]}
        />
      </Section>
      <Section title={t('analysisReports.agents')}>
        <Table<AgentReport>
          rowKey="agent"
          size="small"
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          dataSource={c.agents}
          data-testid="report-agents"
          columns={[
            { title: t('analysisReports.teams'), dataIndex: 'team' },
            { title: t('analysisReports.agent'), key: 'agent', render: (_, a) => `${a.agentName} (${a.agent})` },
            ...figures,
            { title: t('analysisReports.minScore'), dataIndex: 'minScore', render: score },
            { title: t('analysisReports.maxScore'), dataIndex: 'maxScore', render: score },
            { title: t('analysisReports.openCoaching'), dataIndex: 'openCoaching' },
          ]}
        />
      </Section>
      <Section title={t('analysisReports.items')}>
        <Table<ItemReport>
          rowKey={(i) => `${i.team}:${i.code}`}
          size="small"
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          dataSource={c.items}
          columns={[
            { title: t('analysisReports.teams'), dataIndex: 'team' },
            { title: t('analysisReports.item'), key: 'item', render: (_, i) => `${i.title} (${i.code})` },
            { title: t('analysisReports.scored'), dataIndex: 'evaluated' },
            { title: t('analysisReports.failures'), dataIndex: 'failures' },
          ]}
        />
      </Section>
      <Section title={t('analysisReports.trend')}>
        <Table<ReportTrendPoint>
          rowKey={(p) => `${p.date}:${p.team}`}
          size="small"
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          dataSource={c.trend}
          columns={[{ title: t('analysisReports.day'), dataIndex: 'date' }, { title: t('analysisReports.teams'), dataIndex: 'team' }, ...figures]}
        />
      </Section>
      {r.kind === 'daily' && (
        <>
          <Section title={t('analysisReports.fatalCalls')}>
            <Table<FatalCall>
              rowKey="evaluationId"
              size="small"
              pagination={false}
              dataSource={c.fatalCalls}
              locale={{ emptyText: t('analysisReports.noData') }}
              columns={[
                { title: t('analysisReports.callStartedAt'), dataIndex: 'callStartedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
                { title: t('analysisReports.teams'), dataIndex: 'team' },
                { title: t('analysisReports.agent'), key: 'agent', render: (_, f) => `${f.agentName} (${f.agent})` },
                { title: t('analysisReports.inspector'), dataIndex: 'inspector' },
                { title: t('analysisReports.criticalItems'), dataIndex: 'codes', render: (codes: string[]) => codes.map((x) => <Tag key={x}>{x}</Tag>) },
                { title: '', key: 'open', render: (_, f) => <Link to={paths.recording.getHref(f.recordingId)}>{t('analysisReports.open')}</Link> },
              ]}
            />
          </Section>
          <Section title={t('analysisReports.newCommonProblems')}>
            <Table<NewCommonProblem>
              rowKey={(p) => `${p.team}:${p.code}`}
              size="small"
              pagination={false}
              dataSource={c.newCommonProblems}
              locale={{ emptyText: t('analysisReports.noData') }}
              columns={[
                { title: t('analysisReports.teams'), dataIndex: 'team' },
                { title: t('analysisReports.item'), dataIndex: 'code' },
                { title: t('analysisReports.agentCount'), dataIndex: 'agents' },
                { title: t('analysisReports.failures'), dataIndex: 'failures' },
              ]}
            />
          </Section>
          <Section title={t('analysisReports.overdueNotices')}>
            <Table<OverdueNotice>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.overdueNotices}
              locale={{ emptyText: t('analysisReports.noData') }}
              columns={[
                { title: t('analysisReports.teams'), dataIndex: 'team' },
                { title: t('analysisReports.item'), dataIndex: 'codes', render: (codes: string[]) => codes.join(t('common.listSeparator')) },
                { title: t('analysisReports.deadline'), dataIndex: 'deadline' },
                { title: '', key: 'open', render: (_, n) => <Link to={paths.rectificationNotice.getHref(n.id)}>{t('analysisReports.open')}</Link> },
              ]}
            />
          </Section>
        </>
      )}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {children}
    </div>
  );
}

export default ReportRoute;
