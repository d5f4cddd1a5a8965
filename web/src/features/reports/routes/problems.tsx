import { DatePicker, Empty, Segmented, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { periodAround } from '#shared/reports/periods';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { ProjectSelect } from '#web/components/project-select';
import { useCan } from '#web/lib/authorization';
import { type ProblemPeriod, type ProblemPlan, useProblems } from '../api/problems';
import { PlanDialog } from '../components/plan-dialog';
import { TeamProblemsCard } from '../components/team-problems';

const DATE = 'YYYY-MM-DD';
const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid();

/**
 * Common (共性) and individual (个性) problems of a project's teams over a week or month (DOMAIN.md
 * workflow 6, 9.10): a team lead sees his teams only. Project, period and day live in the address.
 */
export function ProblemsRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canPlan = useCan('report.problemPlan');
  const canIssue = useCan('rectification.issue');
  const project = params.get('project') || undefined;
  const kind: ProblemPeriod = params.get('period') === 'month' ? 'month' : 'week';
  const date = isDate(params.get('date')) ? params.get('date')! : dayjs().format(DATE);
  const period = periodAround(kind, date);
  const report = useProblems(project ? { project, ...period } : undefined);
  const [editing, setEditing] = useState<{ team: string; code: string; plan?: ProblemPlan } | null>(null);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('problems.title')}
        extra={
          <Space wrap>
            <ProjectSelect
              id="problems-project"
              data-testid="problems-project"
              activeOnly
              chooseTheOnlyOne
              style={{ minWidth: 220 }}
              placeholder={t('problems.project')}
              value={project}
              onChange={(code) => set({ project: code })}
            />
            <Segmented<ProblemPeriod>
              options={[
                { value: 'week', label: t('problems.week') },
                { value: 'month', label: t('problems.month') },
              ]}
              value={kind}
              onChange={(value) => set({ period: value === 'week' ? undefined : value })}
              data-testid="problems-period"
            />
            <DatePicker
              picker={kind}
              allowClear={false}
              value={dayjs(date)}
              onChange={(value) => value && set({ date: value.format(DATE) })}
              data-testid="problems-date"
            />
          </Space>
        }
      />
      <div style={{ marginBottom: 12 }}>{t('problems.range', { from: period.from, to: period.to })}</div>
      {!project ? (
        <Empty description={t('problems.pickProject')} />
      ) : report.isError ? (
        <LoadError error={report.error} onRetry={() => void report.refetch()} />
      ) : report.isPending ? (
        <Spin />
      ) : report.data.teams.length === 0 ? (
        <Empty description={t('problems.empty')} />
      ) : (
        report.data.teams.map((team) => (
          <TeamProblemsCard
            key={team.team}
            team={team}
            from={period.from}
            to={period.to}
            canPlan={canPlan}
            canIssue={canIssue}
            onPlan={(code, plan) => setEditing({ team: team.team, code, plan })}
          />
        ))
      )}
      <PlanDialog target={editing ? { ...editing, period: kind, from: period.from } : null} onClose={() => setEditing(null)} />
    </>
  );
}

export default ProblemsRoute;
