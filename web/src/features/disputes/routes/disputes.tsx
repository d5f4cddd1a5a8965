import { App, Button, Card, Col, DatePicker, InputNumber, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Dispute } from '#web/api/disputes';
import { type Project, useProjects } from '#web/api/projects';
import { useTeams } from '#web/api/teams';
import { DisputeStatusTag } from '#web/components/dispute/dispute-view';
import { LoadError } from '#web/components/errors/load-error';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { PageHeader } from '#web/components/page-header';
import { ProjectSelect } from '#web/components/project-select';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import {
  type DisputeStatus,
  type DisputeSummaryRow,
  type EvaluationToAcknowledge,
  useDisputes,
  useDisputeSummary,
  useSetDisputeWindow,
  useToAcknowledge,
} from '../api/disputes';

const STATUSES: DisputeStatus[] = ['awaiting_inspector', 'answered', 'escalated', 'resolved', 'ruled'];
const isStatus = (value: string | null): value is DisputeStatus => STATUSES.includes(value as DisputeStatus);
type Tab = 'list' | 'summary' | 'acknowledge' | 'window';
const TABS: Tab[] = ['list', 'summary', 'acknowledge', 'window'];

/** Disputes (issue 15): the list each role sees, the summary with upheld rates, and a lead's evaluations to accept or dispute. */
export function DisputesRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const leads = useCan('dispute.raise');
  const setsWindow = useCan('org.project.disputeWindow');
  const tabParam = params.get('tab') as Tab | null;
  const allowed = (tab: Tab) => (tab === 'acknowledge' ? leads : tab === 'window' ? setsWindow : true);
  const tab: Tab = tabParam && TABS.includes(tabParam) && allowed(tabParam) ? tabParam : 'list';
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('disputes.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key === 'list' ? undefined : key })}
        items={[
          { key: 'list', label: <span data-testid="disputes-tab-list">{t('disputes.tabs.list')}</span>, children: <DisputeList /> },
          { key: 'summary', label: <span data-testid="disputes-tab-summary">{t('disputes.tabs.summary')}</span>, children: <Summary /> },
          ...(leads
            ? [{ key: 'acknowledge', label: <span data-testid="disputes-tab-acknowledge">{t('disputes.tabs.acknowledge')}</span>, children: <ToAcknowledge /> }]
            : []),
          ...(setsWindow ? [{ key: 'window', label: <span data-testid="disputes-tab-window">{t('disputes.tabs.window')}</span>, children: <DisputeWindows /> }] : []),
        ]}
      />
    </>
  );
}

function DisputeList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const team = params.get('team') || undefined;
  const disputes = useDisputes({ status, team });
  const teams = useTeams();
  const setParam = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select<DisputeStatus>
          allowClear
          placeholder={t('disputes.allStatuses')}
          style={{ minWidth: 160 }}
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: t(`disputes.statuses.${s}`) }))}
          onChange={(value) => setParam('status', value)}
          data-testid="disputes-status"
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('disputes.allTeams')}
          style={{ minWidth: 180 }}
          value={team}
          loading={teams.isPending}
          options={(teams.data?.items ?? []).map((x) => ({ value: x.code, label: `${x.name} (${x.code})` }))}
          onChange={(value) => setParam('team', value)}
          data-testid="disputes-team"
        />
      </Space>
      {disputes.isError ? (
        <LoadError error={disputes.error} onRetry={() => void disputes.refetch()} />
      ) : (
        <Table<Dispute>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={disputes.isPending}
          dataSource={disputes.data?.items}
          locale={{ emptyText: t('disputes.empty') }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
          onRow={(d) => ({ 'data-testid': `dispute-row-${d.id}` }) as HTMLAttributes<HTMLElement>}
          data-testid="disputes-table"
          columns={[
            { title: t('disputes.raisedAt'), dataIndex: 'raisedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
            { title: t('disputes.agent'), key: 'agent', render: (_, d) => `${d.agentName} (${d.agent})` },
            { title: t('disputes.team'), dataIndex: 'team' },
            { title: t('disputes.inspector'), dataIndex: 'inspectorName' },
            { title: t('disputes.items'), key: 'items', render: (_, d) => d.items.map((i) => <Tag key={i.code}>{i.code}</Tag>) },
            { title: t('disputes.status'), dataIndex: 'status', render: (s: DisputeStatus) => <DisputeStatusTag status={s} /> },
            { title: t('disputes.score'), dataIndex: 'score' },
            {
              title: '',
              key: 'open',
              render: (_, d) => (
                <Link to={paths.dispute.getHref(d.id)} data-testid="dispute-open">
                  {t('disputes.open')}
                </Link>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function Summary() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? dayjs().subtract(29, 'day').format('YYYY-MM-DD');
  const to = params.get('to') ?? dayjs().format('YYYY-MM-DD');
  const project = params.get('project') || undefined;
  const summary = useDisputeSummary({ from, to, project });
  const setRange = (range: [Dayjs | null, Dayjs | null] | null) => {
    const next = new URLSearchParams(params);
    if (range?.[0] && range[1]) {
      next.set('from', range[0].format('YYYY-MM-DD'));
      next.set('to', range[1].format('YYYY-MM-DD'));
    } else {
      next.delete('from');
      next.delete('to');
    }
    setParams(next, { replace: true });
  };
  const table = (title: string, rows: DisputeSummaryRow[] | undefined, testId: string) => (
    <Card size="small" title={title}>
      <Table<DisputeSummaryRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        data-testid={testId}
        locale={{ emptyText: t('disputes.empty') }}
        columns={[
          { title: t('disputes.key'), key: 'key', render: (_, r) => (r.name && r.name !== r.key ? `${r.name} (${r.key})` : r.key) },
          { title: t('disputes.raised'), dataIndex: 'raised' },
          { title: t('disputes.upheld'), dataIndex: 'upheld' },
          { title: t('disputes.rejected'), dataIndex: 'rejected' },
          { title: t('disputes.pending'), dataIndex: 'pending' },
          { title: t('disputes.upheldRate'), dataIndex: 'upheldRate', render: percent },
        ]}
      />
    </Card>
  );
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <ProjectSelect
          allowClear
          placeholder={t('disputes.allProjects')}
          style={{ minWidth: 180 }}
          value={project}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value) next.set('project', value);
            else next.delete('project');
            setParams(next, { replace: true });
          }}
          data-testid="disputes-project"
        />
        <DatePicker.RangePicker allowClear={false} value={[dayjs(from), dayjs(to)]} onChange={setRange} data-testid="disputes-period" />
      </Space>
      {summary.isError ? (
        <LoadError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('disputes.disputes')} value={summary.data?.disputes ?? '—'} loading={summary.isPending} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('disputes.raised')} value={summary.data?.items.raised ?? '—'} loading={summary.isPending} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('disputes.upheld')} value={summary.data?.items.upheld ?? '—'} loading={summary.isPending} />
          </Col>
          <Col xs={12} md={6}>
            <div data-testid="disputes-upheld-rate">
              <Statistic title={t('disputes.upheldRate')} value={summary.data ? percent(summary.data.items.upheldRate) : '—'} loading={summary.isPending} />
            </div>
          </Col>
          <Col xs={24} lg={8}>
            {table(t('disputes.byItem'), summary.data?.byItem, 'disputes-by-item')}
          </Col>
          <Col xs={24} lg={8}>
            {table(t('disputes.byInspector'), summary.data?.byInspector, 'disputes-by-inspector')}
          </Col>
          <Col xs={24} lg={8}>
            {table(t('disputes.byTeam'), summary.data?.byTeam, 'disputes-by-team')}
          </Col>
        </Row>
      )}
    </>
  );
}

function ToAcknowledge() {
  const { t } = useTranslation();
  const list = useToAcknowledge();
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<EvaluationToAcknowledge>
      rowKey="evaluationId"
      scroll={{ x: 'max-content' }}
      loading={list.isPending}
      dataSource={list.data?.items}
      locale={{ emptyText: t('disputes.nothingToAcknowledge') }}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
      data-testid="to-acknowledge-table"
      columns={[
        { title: t('disputes.agent'), key: 'agent', render: (_, e) => `${e.agentName} (${e.agent})` },
        { title: t('disputes.team'), dataIndex: 'team' },
        { title: t('disputes.score'), dataIndex: 'score' },
        { title: t('disputes.closesAt'), dataIndex: 'closesAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
        {
          title: '',
          key: 'open',
          render: (_, e) => (
            <Link to={paths.evaluate.getHref(e.recordingId, { evaluation: e.evaluationId })} data-testid="to-acknowledge-open">
              {t('disputes.openEvaluation')}
            </Link>
          ),
        },
      ]}
    />
  );
}

/** Each project's dispute window (days after submission, 1–90): an admin's, or the whole project's supervisor's. */
function DisputeWindows() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const projects = useProjects();
  const save = useSetDisputeWindow();
  const [days, setDays] = useState<Record<string, number | null>>({});
  if (projects.isError) return <LoadError error={projects.error} onRetry={() => void projects.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('disputes.windowHint')}</Typography.Paragraph>
      <ServerErrorAlert error={save.error} />
      <Table<Project>
        rowKey="id"
        loading={projects.isPending}
        dataSource={projects.data?.items}
        pagination={false}
        data-testid="dispute-windows"
        columns={[
          { title: t('disputes.project'), key: 'project', render: (_, p) => `${p.name} (${p.code})` },
          {
            title: t('disputes.windowDays'),
            key: 'days',
            render: (_, p) => (
              <Space>
                <span data-testid={`window-days-${p.code}`}>
                  <InputNumber
                    min={1}
                    max={90}
                    precision={0}
                    value={days[p.id] === undefined ? p.disputeWindowDays : days[p.id]}
                    onChange={(value) => setDays((d) => ({ ...d, [p.id]: value }))}
                  />
                </span>
                <Button
                  disabled={!days[p.id] || days[p.id] === p.disputeWindowDays}
                  loading={save.isPending && save.variables?.projectId === p.id}
                  onClick={() => save.mutate({ projectId: p.id, days: days[p.id]! }, { onSuccess: () => void message.success(t('disputes.windowSaved')) })}
                  data-testid={`window-save-${p.code}`}
                >
                  {t('disputes.windowSave')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

export default DisputesRoute;
