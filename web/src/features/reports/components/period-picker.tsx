import { ALL_PROJECTS } from '#shared/api/reports';
import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DashboardQuery } from '#web/config/paths';
import type { TrendBucket } from '../api/trend';
import { bucketsFor, type DashboardPeriod, dashboardPeriod, defaultBucket, isDate, PERIOD_KINDS, type PeriodKind } from '#shared/reports/dashboard-period';

const DATE = 'YYYY-MM-DD';
const BUCKETS: readonly TrendBucket[] = ['day', 'week', 'month'];

export interface DashboardState {
  project?: string;
  period: DashboardPeriod;
  bucket: TrendBucket;
  /** What the address holds, to carry the same project and period to another dashboard page. */
  query: DashboardQuery;
  set: (patch: Partial<Record<keyof DashboardQuery, string | undefined>>) => void;
}

/**
 * The project a list opened from the dashboard filters by: none for the dashboard's "all projects"
 * (the lists are scoped to the caller as the figures are, so their counts still agree).
 */
export const listProject = (project: string | undefined) => (project === ALL_PROJECTS ? undefined : project);

/** The dashboard's project, period and trend bucket, kept in the address (bookmarks and drill-downs open the same view). */
export function useDashboardState(): DashboardState {
  const [params, setParams] = useSearchParams();
  const project = params.get('project') || undefined;
  const rawKind = params.get('period') as PeriodKind | null;
  const kind: PeriodKind = rawKind && PERIOD_KINDS.includes(rawKind) ? rawKind : 'month';
  const date = isDate(params.get('date')) ? params.get('date')! : dayjs().format(DATE);
  const period = dashboardPeriod(kind, date, { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined });
  const offered = bucketsFor(period.days);
  const rawBucket = params.get('bucket') as TrendBucket | null;
  const bucket = rawBucket && offered.includes(rawBucket) ? rawBucket : defaultBucket(period.days);
  const query: DashboardQuery = {
    project,
    period: period.kind === 'month' ? undefined : period.kind,
    date: period.kind === 'custom' ? undefined : params.get('date') || undefined,
    from: period.kind === 'custom' ? period.from : undefined,
    to: period.kind === 'custom' ? period.to : undefined,
    bucket: rawBucket && offered.includes(rawBucket) ? rawBucket : undefined,
  };
  const set: DashboardState['set'] = (patch) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return { project, period, bucket, query, set };
}

/** Day, week, month, quarter or a custom range; each fixed kind with the picker of its own unit. */
export function PeriodPicker({ state }: { state: DashboardState }) {
  const { t } = useTranslation();
  const { period, set } = state;
  return (
    <Space wrap>
      <Segmented<PeriodKind>
        options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`dashboard.kind.${kind}`) }))}
        value={period.kind}
        onChange={(kind) =>
          kind === 'custom'
            ? set({ period: kind, from: period.from, to: period.to, date: undefined, bucket: undefined })
            : set({ period: kind === 'month' ? undefined : kind, date: period.from, from: undefined, to: undefined, bucket: undefined })
        }
        data-testid="dashboard-period"
      />
      {period.kind === 'custom' ? (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(range) => range?.[0] && range[1] && set({ from: range[0].format(DATE), to: range[1].format(DATE), bucket: undefined })}
          data-testid="dashboard-range"
        />
      ) : (
        <DatePicker
          picker={period.kind === 'day' ? 'date' : period.kind}
          allowClear={false}
          value={dayjs(period.from)}
          onChange={(value) => value && set({ date: value.format(DATE) })}
          data-testid="dashboard-date"
        />
      )}
    </Space>
  );
}

/** Day, week or month points for the trend, as far as the period's length makes sense of them. */
export function BucketPicker({ state }: { state: DashboardState }) {
  const { t } = useTranslation();
  const offered = bucketsFor(state.period.days);
  if (offered.length < 2) return null;
  return (
    <Segmented<TrendBucket>
      size="small"
      options={BUCKETS.filter((b) => offered.includes(b)).map((b) => ({ value: b, label: t(`dashboard.bucket.${b}`) }))}
      value={state.bucket}
      onChange={(bucket) => state.set({ bucket })}
      data-testid="dashboard-bucket"
    />
  );
}
