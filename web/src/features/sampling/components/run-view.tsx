import { Alert, App, Card, Col, Empty, Flex, Progress, Row, Select, Space, Statistic, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTeams } from '#web/api/teams';
import { formatTime } from '#web/components/call-player';
import { LoadError } from '#web/components/errors/load-error';
import { paths } from '#web/config/paths';
import { errorMessage, isError } from '#web/lib/errors';
import type { Assignment } from '../api/assignments';
import { useInspectors } from '../api/org';
import { useReassign, useRun } from '../api/runs';
import { callTime, minutes } from './format';
import { parseReason, ReasonTag, reasonLabel } from './reason-tag';

interface InspectorLoad {
  inspector: string;
  calls: number;
  seconds: number;
  done: number;
}

function loadsOf(assignments: Assignment[]): InspectorLoad[] {
  const loads = new Map<string, InspectorLoad>();
  for (const a of assignments) {
    const load = loads.get(a.inspector) ?? { inspector: a.inspector, calls: 0, seconds: 0, done: 0 };
    load.calls++;
    load.seconds += a.duration;
    if (a.done) load.done++;
    loads.set(a.inspector, load);
  }
  return [...loads.values()].sort((a, b) => a.inspector.localeCompare(b.inspector));
}

/** The reason filter groups every `failed:<RULE>` under one entry. */
const reasonGroup = (reason: string) => (parseReason(reason).kind === 'failed' ? 'failed' : reason);

/**
 * A project's sampled day: how many calls were candidates and drawn, how the work spreads over the
 * inspectors (calls and minutes each, so an uneven spread shows), and every call with why it was
 * picked; a supervisor gives an unscored call to another inspector from its row.
 */
export function RunView({ project, date, canReassign }: { project: string; date: string; canReassign: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useRun({ project, date });
  const teams = useTeams();
  const inspectors = useInspectors(project, canReassign);
  const reassign = useReassign();
  const [inspector, setInspector] = useState<string | undefined>();
  const [reason, setReason] = useState<string | undefined>();
  const teamName = new Map((teams.data?.items ?? []).map((team) => [team.code, team.name]));

  const assignments = useMemo(() => run.data?.assignments ?? [], [run.data]);
  const loads = useMemo(() => loadsOf(assignments), [assignments]);

  if (run.isError) {
    if (isError(run.error, 'NOT_FOUND')) {
      return <Empty data-testid="sampling-not-run" description={t('sampling.run.notRun', { date })} style={{ marginTop: 48 }} />;
    }
    return <LoadError error={run.error} onRetry={() => void run.refetch()} />;
  }

  const totalSeconds = loads.reduce((sum, l) => sum + l.seconds, 0);
  const maxSeconds = Math.max(1, ...loads.map((l) => l.seconds));
  const names = new Map((inspectors.data ?? []).map((i) => [i.username, i.displayName]));
  const inspectorOptions = [...new Set([...loads.map((l) => l.inspector), ...(inspectors.data ?? []).map((i) => i.username)])]
    .sort()
    .map((username) => ({ value: username, label: names.get(username) ? `${names.get(username)} (${username})` : username }));
  const reasonOptions = [...new Set(assignments.map((a) => reasonGroup(a.reason)))].sort().map((r) => ({
    value: r,
    label: r === 'failed' ? t('sampling.reasons.failedAny') : reasonLabel(r, t),
  }));
  const shown = assignments.filter((a) => (!inspector || a.inspector === inspector) && (!reason || reasonGroup(a.reason) === reason));

  const move = (a: Assignment, to: string) => {
    if (to === a.inspector) return;
    reassign.mutate(
      { id: a.id, inspector: to },
      {
        onSuccess: () => void message.success(t('sampling.run.reassigned', { inspector: to })),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  const loadColumns: TableColumnsType<InspectorLoad> = [
    { title: t('sampling.inspector'), dataIndex: 'inspector', render: (u: string) => (names.get(u) ? `${names.get(u)} (${u})` : u) },
    { title: t('sampling.run.calls'), dataIndex: 'calls', align: 'right' },
    { title: t('sampling.run.minutes'), dataIndex: 'seconds', align: 'right', render: (s: number) => minutes(s) },
    {
      title: t('sampling.run.spread'),
      key: 'spread',
      width: 200,
      render: (_, l) => <Progress percent={Math.round((l.seconds / maxSeconds) * 100)} showInfo={false} size="small" />,
    },
    { title: t('sampling.run.scored'), key: 'done', align: 'right', render: (_, l) => `${l.done} / ${l.calls}` },
  ];

  const columns: TableColumnsType<Assignment> = [
    {
      title: t('sampling.queue.callTime'),
      dataIndex: 'startedAt',
      render: (startedAt: string, a) => <Link to={paths.recording.getHref(a.recordingId)}>{callTime(startedAt)}</Link>,
    },
    { title: t('sampling.agent'), key: 'agent', render: (_, a) => `${a.agentName} (${a.agent})` },
    { title: t('sampling.team'), dataIndex: 'team', render: (team: string) => teamName.get(team) ?? team },
    {
      title: t('sampling.duration'),
      dataIndex: 'duration',
      align: 'right',
      render: (d: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatTime(d)}</span>,
    },
    { title: t('sampling.reason'), dataIndex: 'reason', render: (r: string) => <ReasonTag reason={r} /> },
    {
      title: t('sampling.inspector'),
      dataIndex: 'inspector',
      render: (u: string, a) =>
        canReassign ? (
          <Tooltip title={a.done ? t('sampling.run.scoredStays') : t('sampling.run.reassignHint')}>
            <Select<string>
              size="small"
              style={{ minWidth: 160 }}
              value={u}
              disabled={a.done}
              loading={reassign.isPending && reassign.variables?.id === a.id}
              options={inspectorOptions}
              onChange={(to) => move(a, to)}
              data-testid="sampling-reassign"
            />
          </Tooltip>
        ) : names.get(u) ? (
          `${names.get(u)} (${u})`
        ) : (
          u
        ),
    },
    {
      title: t('sampling.done'),
      dataIndex: 'done',
      align: 'center',
      render: (isDone: boolean) => (isDone ? <Typography.Text type="success">✓</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];

  return (
    <div data-testid="sampling-run" data-run-id={run.data?.id}>
      {run.data?.unassigned.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="sampling-unassigned"
          title={t('sampling.run.unassigned', { count: run.data.unassigned.length })}
          description={t('sampling.run.unassignedTeams', { teams: [...new Set(run.data.unassigned.map((u) => u.team))].join(', ') })}
        />
      ) : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('sampling.run.candidates')} value={run.data?.candidates ?? '—'} loading={run.isPending} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('sampling.run.drawn')} value={assignments.length} loading={run.isPending} data-testid="sampling-drawn" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('sampling.run.totalMinutes')} value={minutes(totalSeconds)} loading={run.isPending} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('sampling.run.scored')}
              value={`${assignments.filter((a) => a.done).length} / ${assignments.length}`}
              loading={run.isPending}
              data-testid="sampling-scored"
            />
          </Card>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('sampling.run.perInspector')}</Typography.Title>
      <Table<InspectorLoad>
        data-testid="sampling-inspectors"
        rowKey="inspector"
        size="small"
        loading={run.isPending}
        columns={loadColumns}
        dataSource={loads}
        pagination={false}
        style={{ marginBottom: 24, maxWidth: 800 }}
        onRow={(l) =>
          ({
            'data-testid': 'sampling-inspector-row',
            'data-inspector': l.inspector,
            style: { cursor: 'pointer' },
            onClick: () => setInspector(inspector === l.inspector ? undefined : l.inspector),
          }) as HTMLAttributes<HTMLElement>
        }
        rowClassName={(l) => (l.inspector === inspector ? 'ant-table-row-selected' : '')}
      />
      <Flex align="center" justify="space-between" wrap gap="small" style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('sampling.run.calls')}
        </Typography.Title>
        <Space wrap>
          <Select<string>
            allowClear
            placeholder={t('sampling.run.allInspectors')}
            style={{ minWidth: 180 }}
            value={inspector}
            options={loads.map((l) => ({ value: l.inspector, label: `${names.get(l.inspector) ?? l.inspector} · ${l.calls}` }))}
            onChange={setInspector}
            data-testid="sampling-filter-inspector"
          />
          <Select<string>
            allowClear
            placeholder={t('sampling.run.allReasons')}
            style={{ minWidth: 180 }}
            value={reason}
            options={reasonOptions}
            onChange={setReason}
            data-testid="sampling-filter-reason"
          />
        </Space>
      </Flex>
      <Table<Assignment>
        data-testid="sampling-table"
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={run.isPending}
        columns={columns}
        dataSource={shown}
        onRow={(a) => ({ 'data-testid': 'sampling-row', 'data-recording-id': a.recordingId, 'data-inspector': a.inspector }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('sampling.run.empty') }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true, showTotal: (count) => t('common.total', { count }) }}
      />
    </div>
  );
}
