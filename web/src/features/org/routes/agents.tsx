import { Button, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AgentStatus } from '#shared/org';
import { type Agent, type AgentFilters as Filters, useAgents } from '#web/api/agents';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { useFeedback } from '#web/lib/feedback';
import { useUpdateAgent } from '../api/agents';
import { ActiveToggle } from '../components/active-toggle';
import { AgentFilters } from '../components/agent-filters';
import { AgentForm } from '../components/agent-form';
import { AgentImport } from '../components/agent-import';
import { gradeLabel } from '../components/grade';
import { AgentStatusTag } from '../components/status-tags';

const STATUSES: readonly string[] = Object.values(AgentStatus);

/** The filters live in the address, so a filtered list can be bookmarked or shared. */
function useAgentFilters(): [Filters, (next: Partial<Filters>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: Filters = {
    project: params.get('project') || undefined,
    team: params.get('team') || undefined,
    status: status && STATUSES.includes(status) ? (status as AgentStatus) : undefined,
    q: params.get('q') || undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const set = (next: Partial<Filters>) => {
    const merged = { ...filters, ...next };
    const entries = Object.entries(merged).filter(
      ([key, value]) => value !== undefined && value !== '' && !(key === 'page' && value === 1) && !(key === 'pageSize' && value === 20),
    );
    setParams(Object.fromEntries(entries.map(([key, value]) => [key, String(value)])), { replace: true });
  };
  return [filters, set];
}

export function AgentsRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useAgentFilters();
  const agents = useAgents(filters);
  const canEdit = useCan('org.agent.edit');
  const update = useUpdateAgent();
  const feedback = useFeedback();
  const [editing, setEditing] = useState<Agent | 'new' | null>(null);

  const columns: TableColumnsType<Agent> = [
    {
      title: t('agents.employeeNo'),
      dataIndex: 'employeeNo',
      // The agent's page: evaluations, score trend and how sure the mean is.
      render: (employeeNo: string) => (
        <Link to={paths.agent.getHref(employeeNo)} data-testid="agent-page-link">
          {employeeNo}
        </Link>
      ),
    },
    { title: t('agents.name'), dataIndex: 'name' },
    { title: t('agents.team'), key: 'team', render: (_, agent) => `${agent.teamName} (${agent.team})` },
    { title: t('agents.project'), dataIndex: 'project' },
    { title: t('agents.hiredAt'), dataIndex: 'hiredAt' },
    { title: t('agents.grade'), dataIndex: 'grade', render: (grade: Agent['grade']) => gradeLabel(grade, t) },
    { title: t('agents.status'), dataIndex: 'status', render: (status: AgentStatus) => <AgentStatusTag status={status} /> },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, agent) => (
        <Space size={0}>
          <Button size="small" type="link" data-testid="agent-edit" onClick={() => setEditing(agent)}>
            {t('common.edit')}
          </Button>
          <ActiveToggle
            active={agent.status === AgentStatus.Active}
            confirm={t('agents.markLeftConfirm', { name: agent.name })}
            labels={{ deactivate: t('agents.markLeft'), reactivate: t('agents.reactivate') }}
            testIds={{ deactivate: 'agent-mark-left', reactivate: 'agent-reactivate' }}
            loading={update.isPending && update.variables?.id === agent.id}
            onChange={(active) => update.mutate({ id: agent.id, status: active ? AgentStatus.Active : AgentStatus.Left }, feedback)}
          />
        </Space>
      ),
    });
  }

  const { page, pageSize, ...rest } = filters;
  return (
    <>
      <PageHeader
        title={t('agents.title')}
        extra={
          canEdit && (
            <Space wrap>
              <AgentImport />
              <Button type="primary" data-testid="agent-create" onClick={() => setEditing('new')}>
                {t('agents.create')}
              </Button>
            </Space>
          )
        }
      />
      <AgentFilters value={rest} onChange={(next) => setFilters({ ...next, page: 1 })} />
      {agents.isError ? (
        <LoadError error={agents.error} onRetry={() => void agents.refetch()} />
      ) : (
        <Table<Agent>
          rowKey="employeeNo"
          scroll={{ x: 'max-content' }}
          loading={agents.isPending || (agents.isFetching && agents.isPlaceholderData)}
          columns={columns}
          dataSource={agents.data?.items}
          pagination={{
            current: page,
            pageSize,
            total: agents.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (count) => t('common.total', { count }),
            onChange: (nextPage, nextSize) => setFilters({ page: nextSize === pageSize ? nextPage : 1, pageSize: nextSize }),
          }}
        />
      )}
      {editing && <AgentForm agent={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

export default AgentsRoute;
