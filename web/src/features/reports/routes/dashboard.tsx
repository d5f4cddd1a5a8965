import { Card, Empty, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { ProjectSelect } from '#web/components/project-select';
import { type EvaluationsQuery, paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { ALL_PROJECTS } from '#shared/api/reports';
import { type ReportSummary, useSummary } from '../api/summary';
import { useInspectorFigures } from '../api/inspectors';
import { useRuleAgreement } from '../api/rule-agreement';
import { useTeamFigures } from '../api/teams';
import { DefectPareto } from '../components/defect-pareto';
import { SummaryHeadline } from '../components/summary-headline';
import { InspectorsTable } from '../components/inspectors-table';
import { MachineTable } from '../components/machine-table';
import { type DashboardState, listProject, PeriodPicker, useDashboardState } from '../components/period-picker';
import { TeamsTable } from '../components/teams-table';
import { Trend } from '../components/trend-card';

/**
 * The quality supervisor's dashboard (DOMAIN.md: 品质主管 reviews trends) for a project and a day,
 * week, month, quarter or custom range against the period before: the headline figures of
 * `GET /api/reports/summary`, the mean score and fatal share over time with their 95 % bands, the
 * teams side by side, the defect Pareto, and each automatic rule over every call next to the sampled
 * evaluations. Every count opens the list behind it. The API answers a team lead for his teams only
 * and an inspector for his projects, so the same page serves them all.
 */
export function DashboardRoute() {
  const { t } = useTranslation();
  const state = useDashboardState();
  const { project, period } = state;
  const now = useSummary(project ? { project, from: period.from, to: period.to } : undefined);
  const before = useSummary(project ? { project, ...period.previous } : undefined);

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
              allOption={{ value: ALL_PROJECTS, label: t('dashboard.allProjects') }}
              placeholder={t('dashboard.project')}
              value={project}
              onChange={(code) => state.set({ project: code })}
            />
            <PeriodPicker state={state} />
          </Space>
        }
      />
      <div style={{ marginBottom: 12 }} data-testid="dashboard-range-text">
        {t('dashboard.range', { from: period.from, to: period.to, previousFrom: period.previous.from, previousTo: period.previous.to })}
      </div>
      {!project ? (
        <Empty description={t('dashboard.pickProject')} />
      ) : now.isPending ? (
        <Spin />
      ) : now.isError ? (
        <LoadError error={now.error} onRetry={() => now.refetch()} />
      ) : (
        <Figures project={project} state={state} summary={now.data} before={before.data} />
      )}
    </>
  );
}

function Figures({ project, state, summary, before }: { project: string; state: DashboardState; summary: ReportSummary; before?: ReportSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { period } = state;
  const seesInspectors = useCan('report.inspectors');
  const seesAgreement = useCan('autocheck.agreement');
  const agreement = useRuleAgreement(seesAgreement ? { project, from: period.from, to: period.to } : undefined);
  // The figures leave calibration evaluations out: so do the lists they open, to hold exactly as many.
  const evaluationsHref = (filter: Omit<EvaluationsQuery, 'project' | 'calibration'> = {}) =>
    paths.evaluations.getHref({ from: period.from, to: period.to, project: listProject(project), calibration: false, ...filter });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <SummaryHeadline
        summary={summary}
        before={before}
        testIdPrefix="dashboard"
        onOpenEvaluations={() => navigate(evaluationsHref())}
        onOpenFatal={() => navigate(evaluationsHref({ fatal: true }))}
      />
      <Trend project={project} state={state} before={before} />
      <Teams project={project} state={state} evaluationsHref={evaluationsHref} />
      <Card title={t('dashboard.pareto')}>
        {summary.items.some((i) => i.failures > 0) ? (
          <DefectPareto items={summary.items} onPick={(code) => navigate(evaluationsHref({ code }))} />
        ) : (
          <Empty description={t('dashboard.noFailures')} />
        )}
      </Card>
      <Card title={t('dashboard.machineVsPeople')}>
        <MachineTable
          machine={summary.machine}
          items={summary.items}
          evaluationsOf={(code) => evaluationsHref({ code })}
          agreement={seesAgreement ? (agreement.data?.items ?? []) : undefined}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('dashboard.gapNote')}
        </Typography.Paragraph>
      </Card>
      {seesInspectors && <Inspectors project={project} state={state} evaluationsHref={evaluationsHref} />}
    </Space>
  );
}

function Teams({ project, state, evaluationsHref }: { project: string; state: DashboardState; evaluationsHref: (filter: EvaluationsQuery) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { period } = state;
  const teams = useTeamFigures({ project, from: period.from, to: period.to });
  return (
    <Card title={t('dashboard.teams')}>
      {teams.isPending ? (
        <Spin />
      ) : teams.isError ? (
        <LoadError error={teams.error} onRetry={() => teams.refetch()} />
      ) : (
        <TeamsTable
          teams={teams.data.teams}
          links={{
            evaluations: (team) => evaluationsHref({ team }),
            fatal: (team) => evaluationsHref({ team, fatal: true }),
            coaching: (team) => paths.coaching.getHref({ team }),
            notices: (team) => paths.rectificationNotices.getHref({ team, status: 'open' }),
            open: (team) => navigate(paths.dashboardTeam.getHref(team, state.query)),
          }}
        />
      )}
    </Card>
  );
}

/** The inspectors' own work over the period (supervisors and admins). */
function Inspectors({ project, state, evaluationsHref }: { project: string; state: DashboardState; evaluationsHref: (filter: EvaluationsQuery) => string }) {
  const { t } = useTranslation();
  const { period } = state;
  const inspectors = useInspectorFigures({ project, from: period.from, to: period.to });
  return (
    <Card title={t('dashboard.inspectors')}>
      {inspectors.isPending ? (
        <Spin />
      ) : inspectors.isError ? (
        <LoadError error={inspectors.error} onRetry={() => inspectors.refetch()} />
      ) : (
        <InspectorsTable
          inspectors={inspectors.data.inspectors}
          consistencyOf={(inspector) => paths.dashboardInspector.getHref(inspector, state.query)}
          evaluationsOf={(inspector) => evaluationsHref({ inspector })}
          amendmentsOf={(inspector) => evaluationsHref({ inspector, amended: true })}
        />
      )}
    </Card>
  );
}

export default DashboardRoute;
