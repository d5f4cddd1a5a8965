import { Button, DatePicker, Flex, InputNumber, Select, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDirection } from '#shared/recordings';
import { useProjects } from '#web/api/projects';
import { useTeams } from '#web/api/teams';
import { useRuledItems } from '../api/rule-titles';
import type { RecordingFilters as Filters } from '../api/recordings';
import { DIRECTIONS, directionLabel } from './labels';
import { SearchInput } from './search-input';

export type FilterValues = Omit<Filters, 'page' | 'pageSize' | 'sort' | 'order'>;

const DATE_FORMAT = 'YYYY-MM-DD';

/** A number typed into a field, applied on Enter or when the field is left (not on every keystroke). */
function DurationInput({ value, placeholder, testId, onCommit }: { value?: number; placeholder: string; testId: string; onCommit: (value?: number) => void }) {
  const [draft, setDraft] = useState<number | null>(value ?? null);
  useEffect(() => setDraft(value ?? null), [value]);
  const commit = () => {
    const next = draft ?? undefined;
    if (next !== value) onCommit(next);
  };
  return (
    <InputNumber<number>
      data-testid={testId}
      min={0}
      precision={0}
      placeholder={placeholder}
      style={{ width: 130 }}
      value={draft}
      onChange={(v) => setDraft(v)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}

/**
 * The list's filters. Dates are the centre's local dates; clearing the range searches all dates.
 * The customer number is an exact match (a complaint's caller).
 */
export function RecordingFilters({ value, onChange, onReset }: { value: FilterValues; onChange: (patch: Partial<FilterValues>) => void; onReset: () => void }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const ruledItems = useRuledItems();
  const teams = useTeams();
  const teamOptions = (teams.data?.items ?? [])
    .filter((team) => !value.project || team.project === value.project)
    .map((team) => ({ value: team.code, label: `${team.name} (${team.code})` }));
  const range: [Dayjs, Dayjs] | null = value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null;
  const today = dayjs();

  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="recording-filters">
      <DatePicker.RangePicker
        id="filter-dates"
        data-testid="filter-dates"
        allowClear
        value={range}
        placeholder={[t('recordings.allDates'), t('recordings.allDates')]}
        presets={[
          { label: t('recordings.today'), value: [today.startOf('day'), today.startOf('day')] },
          { label: t('recordings.last7Days'), value: [today.subtract(6, 'day'), today] },
          { label: t('recordings.last30Days'), value: [today.subtract(29, 'day'), today] },
        ]}
        onChange={(dates) =>
          onChange(dates?.[0] && dates[1] ? { from: dates[0].format(DATE_FORMAT), to: dates[1].format(DATE_FORMAT) } : { from: undefined, to: undefined })
        }
      />
      <Select<string>
        id="filter-project"
        data-testid="filter-project"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('recordings.project')}
        style={{ minWidth: 160 }}
        loading={projects.isPending}
        value={value.project}
        options={(projects.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
        onChange={(project) => onChange({ project, team: undefined })}
      />
      <Select<string>
        id="filter-team"
        data-testid="filter-team"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('recordings.team')}
        style={{ minWidth: 160 }}
        loading={teams.isPending}
        value={value.team}
        options={teamOptions}
        onChange={(team) => onChange({ team })}
      />
      <SearchInput
        id="filter-agent"
        testId="filter-agent"
        placeholder={t('recordings.agentNo')}
        value={value.agent}
        style={{ width: 200 }}
        onSearch={(agent) => onChange({ agent })}
      />
      <Select<CallDirection>
        id="filter-direction"
        data-testid="filter-direction"
        allowClear
        placeholder={t('recordings.direction')}
        style={{ minWidth: 110 }}
        value={value.direction}
        options={DIRECTIONS.map((d) => ({ value: d, label: directionLabel(d, t) }))}
        onChange={(direction) => onChange({ direction })}
      />
      <DurationInput
        testId="filter-min-duration"
        placeholder={t('recordings.minDuration')}
        value={value.minDuration}
        onCommit={(minDuration) => onChange({ minDuration })}
      />
      <DurationInput
        testId="filter-max-duration"
        placeholder={t('recordings.maxDuration')}
        value={value.maxDuration}
        onCommit={(maxDuration) => onChange({ maxDuration })}
      />
      <Select<'yes' | 'no'>
        id="filter-transcript"
        data-testid="filter-transcript"
        allowClear
        placeholder={t('recordings.transcript')}
        style={{ minWidth: 110 }}
        value={value.hasTranscript === undefined ? undefined : value.hasTranscript ? 'yes' : 'no'}
        options={[
          { value: 'yes', label: t('recordings.withTranscript') },
          { value: 'no', label: t('recordings.withoutTranscript') },
        ]}
        onChange={(v) => onChange({ hasTranscript: v === undefined ? undefined : v === 'yes' })}
      />
      <Select<'yes' | 'no'>
        id="filter-evaluated"
        data-testid="filter-evaluated"
        allowClear
        placeholder={t('recordings.evaluated')}
        style={{ minWidth: 110 }}
        value={value.evaluated === undefined ? undefined : value.evaluated ? 'yes' : 'no'}
        options={[
          { value: 'yes', label: t('recordings.evaluatedYes') },
          { value: 'no', label: t('recordings.evaluatedNo') },
        ]}
        onChange={(v) => onChange({ evaluated: v === undefined ? undefined : v === 'yes' })}
      />
      <Select<string>
        id="filter-failed"
        data-testid="filter-failed"
        allowClear
        placeholder={t('recordings.failedRule')}
        style={{ minWidth: 180 }}
        value={value.failed}
        options={(ruledItems.data ?? []).map(({ code, title }) => ({ value: code, label: t('recordings.failedRuleOption', { title, code }) }))}
        onChange={(failed) => onChange({ failed })}
      />
      <Tooltip title={t('recordings.customerNumberHint')}>
        <span>
          <SearchInput
            id="search-customer"
            testId="search-customer"
            inputMode="tel"
            placeholder={t('recordings.customerNumber')}
            value={value.customerNumber}
            style={{ width: 250 }}
            onSearch={(customerNumber) => onChange({ customerNumber })}
          />
        </span>
      </Tooltip>
      <Button data-testid="filter-reset" onClick={onReset}>
        {t('recordings.reset')}
      </Button>
    </Flex>
  );
}
