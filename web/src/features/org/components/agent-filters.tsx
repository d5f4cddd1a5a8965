import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgentStatus } from '#shared/org';
import type { AgentFilters as Filters } from '#web/api/agents';
import { ProjectSelect } from '#web/components/project-select';
import { TeamSelect } from './team-select';

type FilterValues = Omit<Filters, 'page' | 'pageSize'>;

/** Project, team, status and a name or employee-number search; every change goes back to page 1. */
export function AgentFilters({ value, onChange }: { value: FilterValues; onChange: (next: FilterValues) => void }) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <ProjectSelect
        id="filter-project"
        data-testid="agents-filter-project"
        allowClear
        placeholder={t('agents.filterProject')}
        style={{ minWidth: 180 }}
        value={value.project}
        onChange={(project) => onChange({ ...value, project, team: undefined })}
      />
      <TeamSelect
        id="filter-team"
        data-testid="agents-filter-team"
        project={value.project}
        allowClear
        placeholder={t('agents.filterTeam')}
        style={{ minWidth: 180 }}
        value={value.team}
        onChange={(team) => onChange({ ...value, team })}
      />
      <Select<AgentStatus>
        id="filter-status"
        data-testid="agents-filter-status"
        allowClear
        placeholder={t('agents.filterStatus')}
        style={{ minWidth: 120 }}
        value={value.status}
        options={[
          { value: AgentStatus.Active, label: t('agents.statusActive') },
          { value: AgentStatus.Left, label: t('agents.statusLeft') },
        ]}
        onChange={(status) => onChange({ ...value, status })}
      />
      <Input.Search
        id="filter-q"
        data-testid="agents-search"
        allowClear
        placeholder={t('agents.searchPlaceholder')}
        defaultValue={value.q}
        style={{ width: 220 }}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
      />
    </Space>
  );
}
