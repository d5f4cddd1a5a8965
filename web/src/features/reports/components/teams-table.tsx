import { Table, Typography } from 'antd';
import type { HTMLAttributes, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamFigures } from '../api/teams';
import { percent, score, scoreRange } from './format';

/** Where a team's figures lead: the evaluations behind them, its open notices, and the team's own view. */
export interface TeamLinks {
  evaluations: (team: string) => string;
  /** The team's fatal evaluations, when the evaluations list can filter them. */
  fatal?: (team: string) => string;
  notices: (team: string) => string;
  coaching: (team: string) => string;
  open: (team: string) => void;
}

const stop = (event: MouseEvent) => event.stopPropagation();

/** The project's teams side by side, worst average first as the API orders them; a row opens the team's view. */
export function TeamsTable({ teams, links }: { teams: readonly TeamFigures[]; links: TeamLinks }) {
  const { t } = useTranslation();
  return (
    <Table<TeamFigures>
      rowKey="team"
      size="small"
      pagination={false}
      dataSource={[...teams]}
      data-testid="dashboard-teams"
      locale={{ emptyText: t('dashboard.noTeams') }}
      onRow={(row) =>
        ({
          'data-testid': `dashboard-team-${row.team}`,
          style: { cursor: 'pointer' },
          onClick: () => links.open(row.team),
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('dashboard.team'),
          key: 'team',
          render: (_, row) => (
            <Typography.Link data-testid="dashboard-team-open">
              {row.name} ({row.team})
            </Typography.Link>
          ),
        },
        {
          title: t('dashboard.evaluations'),
          dataIndex: 'evaluations',
          align: 'right',
          render: (value: number, row) => (
            <Link to={links.evaluations(row.team)} onClick={stop} data-testid="dashboard-team-evaluations" data-value={value}>
              {value}
            </Link>
          ),
        },
        { title: t('dashboard.averageScore'), dataIndex: 'averageScore', align: 'right', render: (value: number | null) => score(value) },
        { title: t('dashboard.band'), key: 'interval', align: 'right', render: (_, row) => scoreRange(row.scoreInterval) },
        {
          title: t('dashboard.fatalRate'),
          dataIndex: 'fatalRate',
          align: 'right',
          render: (value: number | null, row) =>
            value && links.fatal ? (
              <Link to={links.fatal(row.team)} onClick={stop} data-testid="dashboard-team-fatal">
                {percent(value)}
              </Link>
            ) : (
              percent(value)
            ),
        },
        {
          title: t('dashboard.openCoaching'),
          dataIndex: 'openCoachingItems',
          align: 'right',
          render: (value: number, row) => (
            <Link to={links.coaching(row.team)} onClick={stop} data-testid="dashboard-team-coaching" data-value={value}>
              {value}
            </Link>
          ),
        },
        {
          title: t('dashboard.openNotices'),
          dataIndex: 'openNotices',
          align: 'right',
          render: (value: number, row) => (
            <Link to={links.notices(row.team)} onClick={stop} data-testid="dashboard-team-notices" data-value={value}>
              {value}
            </Link>
          ),
        },
      ]}
    />
  );
}
