import { Card, DatePicker, Empty, Segmented, Space, Spin, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { addDays, periodAround } from '#shared/reports/periods';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { ProjectSelect } from '#web/components/project-select';
import { paths } from '#web/config/paths';
import { type ReportSummary, type SummaryMachineRule, useSummary } from '../api/summary';
import { DefectPareto } from '../components/defect-pareto';
import { SummaryHeadline } from '../components/summary-headline';

type Kind = 'week' | 'month';
const DATE = 'YYYY-MM-DD';
const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid();
const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`);

/**
 * The quality supervisor's dashboard (DOMAIN.md: 品质主管 reviews trends): the headline figures of
 * `GET /api/reports/summary` for a week or month against the period before, the defect Pareto, and
 * each automatic rule's fail rate over every call next to the sampled evaluations' fail rate.
 */
export function DashboardRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const project = params.get('project') || undefined;
  const kind: Kind = params.get('period') === 'week' ? 'week' : 'month';
  const date = isDate(params.get('date')) ? params.get('date')! : dayjs().format(DATE);
  const period = periodAround(kind, date);
  const previous = periodAround(kind, addDays(period.from, -1));
  const now = useSummary(project ? { project, ...period } : undefined);
  const before = useSummary(project ? { project, ...previous } : undefined);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const evaluationsOf = (code?: string) => navigate(paths.evaluations.getHref({ from: period.from, to: period.to, project, code }));

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        extra={
          <Space wrap>
            <ProjectSelect
              id="dashboard-project"
              data-testid="dashboard-project"
              activeOnly
              chooseTheOnlyOne
              style={{ minWidth: 220 }}
              placeholder={t('dashboard.project')}
              value={project}
              onChange={(code) => set({ project: code })}
            />
            <Segmented<Kind>
              options={[
                { value: 'week', label: t('dashboard.week') },
                { value: 'month', label: t('dashboard.month') },
              ]}
              value={kind}
              onChange={(value) => set({ period: value === 'month' ? undefined : value })}
              data-testid="dashboard-period"
            />
            <DatePicker picker={kind} allowClear={false} value={dayjs(date)} onChange={(value) => value && set({ date: value.format(DATE) })} />
          </Space>
        }
      />
      <div style={{ marginBottom: 12 }}>{t('dashboard.range', { from: period.from, to: period.to, previousFrom: previous.from, previousTo: previous.to })}</div>
      {!project ? (
        <Empty description={t('dashboard.pickProject')} />
      ) : now.isPending ? (
        <Spin />
      ) : now.isError ? (
        <LoadError error={now.error} onRetry={() => now.refetch()} />
      ) : (
        <Figures summary={now.data} before={before.data} onDrill={evaluationsOf} />
      )}
    </>
  );
}

function Figures({ summary, before, onDrill }: { summary: ReportSummary; before?: ReportSummary; onDrill: (code?: string) => void }) {
  const { t } = useTranslation();
  const sampled = new Map(summary.items.map((i) => [i.code, i]));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <SummaryHeadline summary={summary} before={before} testIdPrefix="dashboard" onOpenEvaluations={() => onDrill()} />
      <Card title={t('dashboard.pareto')}>
        {summary.items.some((i) => i.failures > 0) ? <DefectPareto items={summary.items} onPick={onDrill} /> : <Empty description={t('dashboard.noFailures')} />}
      </Card>
      <Card title={t('dashboard.machineVsPeople')}>
        <Table<SummaryMachineRule>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={summary.machine}
          data-testid="dashboard-machine"
          columns={[
            { title: t('dashboard.rule'), dataIndex: 'code' },
            { title: t('dashboard.machineCalls'), dataIndex: 'calls', align: 'right' },
            { title: t('dashboard.machineFailRate'), key: 'machine', align: 'right', render: (_, m) => percent(m.calls ? m.failures / m.calls : null) },
            {
              title: t('dashboard.sampledFailRate'),
              key: 'sampled',
              align: 'right',
              render: (_, m) => {
                const item = sampled.get(m.code);
                return item?.evaluated ? `${percent(item.failures / item.evaluated)} (${item.failures} / ${item.evaluated})` : '—';
              },
            },
          ]}
        />
      </Card>
    </Space>
  );
}

export default DashboardRoute;
