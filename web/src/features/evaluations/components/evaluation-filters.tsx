import { DatePicker, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useActiveChecklist } from '#web/api/checklists';
import { useTeams } from '#web/api/teams';

export interface FilterValues {
  from: string;
  to: string;
  team?: string;
  agent?: string;
  /** A checklist item code: only the evaluations that failed it. */
  code?: string;
}

const DATE = 'YYYY-MM-DD';

/** Dates (the centre's local dates), team, agent and failed item; each change starts again from page 1. */
export function EvaluationFilters({ value, onChange }: { value: FilterValues; onChange: (next: Partial<FilterValues>) => void }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const items = useActiveChecklist((checklist) =>
    checklist.sections.flatMap((section) => section.items.map((item) => ({ value: item.code, label: `${item.code} ${item.title}` }))),
  );
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary">{t('evaluations.callDates')}</Typography.Text>
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(value.from), dayjs(value.to)]}
        onChange={(range) => range?.[0] && range[1] && onChange({ from: range[0].format(DATE), to: range[1].format(DATE) })}
        data-testid="evaluations-dates"
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('evaluations.filterTeam')}
        style={{ minWidth: 180 }}
        loading={teams.isPending}
        value={value.team}
        options={(teams.data?.items ?? []).map((team) => ({ value: team.code, label: `${team.name} (${team.code})` }))}
        onChange={(team) => onChange({ team })}
        data-testid="evaluations-team"
      />
      <Input.Search
        allowClear
        placeholder={t('evaluations.filterAgent')}
        defaultValue={value.agent}
        style={{ width: 200 }}
        onSearch={(agent) => onChange({ agent: agent.trim() || undefined })}
        data-testid="evaluations-agent"
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('evaluations.filterCode')}
        style={{ minWidth: 200 }}
        loading={items.isPending}
        value={value.code}
        options={items.data ?? (value.code ? [{ value: value.code, label: value.code }] : [])}
        onChange={(code) => onChange({ code })}
        data-testid="evaluations-code"
      />
    </Space>
  );
}
