import { Card, Empty, Space, Spin, Table, theme, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTeams } from '#web/api/teams';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { useSummary } from '../api/summary';
import { type AgentFigures, useTeamAgents } from '../api/team-agents';
import { score, scoreRange } from '../components/format';
import { listProject, PeriodPicker, useDashboardState } from '../components/period-picker';
import { Trend } from '../components/trend-card';

/** An agent's mean on the 0–100 scale with its 95 % interval as a bar around it: wide bars are not worth grading on. */
function IntervalBar({ agent }: { agent: AgentFigures }) {
  const { token } = theme.useToken();
  const { low, high } = agent.scoreInterval;
  if (agent.averageScore === null) return null;
  return (
    <div style={{ position: 'relative', width: 160, height: 12, background: token.colorFillTertiary, borderRadius: 6 }} aria-hidden>
      {low !== null && high !== null && (
        <div
          style={{
            position: 'absolute',
            left: `${low}%`,
            width: `${Math.max(high - low, 0.5)}%`,
            top: 2,
            bottom: 2,
            background: token.colorPrimaryBorder,
            borderRadius: 4,
          }}
        />
      )}
      <div
        style={{
          position: 'absolute',
          left: `calc(${agent.averageScore}% - 3px)`,
          top: 0,
          width: 6,
          height: 12,
          borderRadius: 3,
          background: token.colorPrimary,
        }}
      />
    </div>
  );
}

/**
 * One team of the dashboard's project and period (a row of its teams table): the team's trend, and its
 * agents ranked lowest average first, each with the 95 % interval of his mean; every count opens the
 * evaluations behind it.
 */
export function DashboardTeamRoute() {
  const { t } = useTranslation();
  const { team = '' } = useParams();
  const state = useDashboardState();
  const { project, period } = state;
  const teams = useTeams(listProject(project));
  const name = teams.data?.items.find((x) => x.code === team)?.name;
  const agents = useTeamAgents(project ? { project, team, from: period.from, to: period.to } : undefined);
  const before = useSummary(project ? { project, team, ...period.previous } : undefined);
  const evaluationsHref = (agent?: string) =>
    paths.evaluations.getHref({ from: period.from, to: period.to, project: listProject(project), team, agent, calibration: false });

  return (
    <>
      <PageHeader
        title={<span data-testid="dashboard-team-title">{t('dashboard.teamTitle', { team: name ? `${name} (${team})` : team })}</span>}
        extra={
          <Space wrap>
            <Link to={paths.dashboard.getHref(state.query)} data-testid="dashboard-team-back">
              {t('dashboard.backToDashboard')}
            </Link>
            <PeriodPicker state={state} />
          </Space>
        }
      />
      <div style={{ marginBottom: 12 }}>
        {t('dashboard.range', { from: period.from, to: period.to, previousFrom: period.previous.from, previousTo: period.previous.to })}
      </div>
      {!project ? (
        <Empty description={t('dashboard.pickProject')} />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Trend project={project} team={team} state={state} before={before.data} />
          <Card title={t('dashboard.agentsRanked')}>
            {agents.isPending ? (
              <Spin />
            ) : agents.isError ? (
              <LoadError error={agents.error} onRetry={() => agents.refetch()} />
            ) : (
              <Table<AgentFigures>
                rowKey="agent"
                size="small"
                pagination={false}
                dataSource={agents.data.agents}
                data-testid="dashboard-team-agents"
                locale={{ emptyText: t('dashboard.noAgents') }}
                onRow={(row) => ({ 'data-testid': `dashboard-agent-${row.agent}` }) as HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t('dashboard.rank'), key: 'rank', width: 64, render: (_, _row, index) => index + 1 },
                  { title: t('dashboard.agent'), key: 'agent', render: (_, row) => <Link to={paths.agent.getHref(row.agent)}>{`${row.name} (${row.agent})`}</Link> },
                  {
                    title: t('dashboard.evaluations'),
                    dataIndex: 'evaluations',
                    align: 'right',
                    render: (value: number, row) => (
                      <Link to={evaluationsHref(row.agent)} data-testid="dashboard-agent-evaluations" data-value={value}>
                        {value}
                      </Link>
                    ),
                  },
                  { title: t('dashboard.averageScore'), dataIndex: 'averageScore', align: 'right', render: (value: number | null) => score(value) },
                  {
                    title: t('dashboard.band'),
                    key: 'interval',
                    render: (_, row) => (
                      <Space>
                        <IntervalBar agent={row} />
                        <Typography.Text type="secondary">{scoreRange(row.scoreInterval)}</Typography.Text>
                      </Space>
                    ),
                  },
                  { title: t('dashboard.fatalCount'), dataIndex: 'fatal', align: 'right' },
                  { title: t('dashboard.failures'), dataIndex: 'failures', align: 'right' },
                ]}
              />
            )}
          </Card>
        </Space>
      )}
    </>
  );
}

export default DashboardTeamRoute;
