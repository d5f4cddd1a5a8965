import { Button, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { useFeedback } from '#web/lib/feedback';
import { type Team, useTeams } from '#web/api/teams';
import { useUpdateTeam } from '../api/teams';
import { ActiveToggle } from '../components/active-toggle';
import { ProjectSelect } from '#web/components/project-select';
import { ActiveTag } from '../components/status-tags';
import { TeamForm } from '../components/team-form';

export function TeamsRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const project = params.get('project') ?? undefined;
  const teams = useTeams(project);
  const canEdit = useCan('org.team.edit');
  const canIssue = useCan('rectification.issue');
  const update = useUpdateTeam();
  const feedback = useFeedback();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);

  const columns: TableColumnsType<Team> = [
    { title: t('teams.code'), dataIndex: 'code', sorter: (a, b) => a.code.localeCompare(b.code) },
    { title: t('teams.name'), dataIndex: 'name' },
    { title: t('teams.project'), key: 'project', render: (_, team) => `${team.projectName} (${team.project})` },
    {
      title: t('teams.leads'),
      key: 'leads',
      render: (_, team) => (team.leads.length ? team.leads.map((lead) => lead.displayName).join(t('common.listSeparator')) : t('common.none')),
    },
    { title: t('common.status'), dataIndex: 'active', render: (active: boolean) => <ActiveTag active={active} /> },
  ];
  if (canIssue) {
    columns.push({
      title: '',
      key: 'issue',
      render: (_, team) =>
        team.active ? (
          <Link to={paths.rectificationIssue.getHref({ team: team.code })} data-testid={`team-issue-notice-${team.code}`}>
            {t('teams.issueNotice')}
          </Link>
        ) : null,
    });
  }
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, team) => (
        <Space size={0}>
          <Button size="small" type="link" data-testid="team-rename" onClick={() => setEditing(team)}>
            {t('common.rename')}
          </Button>
          <ActiveToggle
            active={team.active}
            confirm={t('teams.deactivateConfirm', { name: team.name })}
            loading={update.isPending && update.variables?.id === team.id}
            onChange={(active) => update.mutate({ id: team.id, active }, feedback)}
          />
        </Space>
      ),
    });
  }

  const setProject = (code: string | undefined) => setParams(code ? { project: code } : {}, { replace: true });

  return (
    <>
      <PageHeader
        title={t('teams.title')}
        extra={
          <Space wrap>
            <ProjectSelect
              id="filter-project"
              data-testid="teams-filter-project"
              allowClear
              placeholder={t('teams.filterProject')}
              style={{ minWidth: 220 }}
              value={project}
              onChange={setProject}
            />
            {canEdit && (
              <Button type="primary" data-testid="team-create" onClick={() => setEditing('new')}>
                {t('teams.create')}
              </Button>
            )}
          </Space>
        }
      />
      {teams.isError ? (
        <LoadError error={teams.error} onRetry={() => void teams.refetch()} />
      ) : (
        <Table<Team>
          rowKey="code"
          scroll={{ x: 'max-content' }}
          loading={teams.isPending}
          columns={columns}
          dataSource={teams.data?.items}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
        />
      )}
      {editing && <TeamForm team={editing === 'new' ? undefined : editing} project={project} onClose={() => setEditing(null)} />}
    </>
  );
}

export default TeamsRoute;
