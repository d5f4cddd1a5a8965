import { App, Button, DatePicker, Empty, Space, Tabs, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '#web/components/page-header';
import { ProjectSelect } from '#web/components/project-select';
import { useCan } from '#web/lib/authorization';
import { errorMessage } from '#web/lib/errors';
import { useRunSampling } from '../api/runs';
import { ConfidenceTable } from '../components/confidence-table';
import { DATE, isDate, yesterday } from '../components/format';
import { PlanEditor } from '../components/plan-editor';
import { RunView } from '../components/run-view';

const TABS = ['run', 'plan', 'confidence'] as const;
type Tab = (typeof TABS)[number];

/**
 * Daily sampling for a project (DOMAIN.md workflow 2, 11.1, 11.7): run a day's sampling and see how
 * it spread over the inspectors, edit the plan, and check how far each agent's sampled mean can be trusted.
 * Project, day and tab live in the address.
 */
export function SamplingRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const runSampling = useRunSampling();
  const project = params.get('project') || undefined;
  const date = isDate(params.get('date')) ? params.get('date')! : yesterday();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'run';
  const canRun = useCan('sampling.run');
  const canReassign = useCan('sampling.assign');
  const canEditPlan = useCan('sampling.plan.edit');

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const run = () => {
    if (!project) return;
    runSampling.mutate(
      { project, date },
      {
        onSuccess: ({ created, run: result }) => {
          if (created) void message.success(t('sampling.run.created', { count: result.assignments.length, candidates: result.candidates }));
          else void message.info(t('sampling.run.already'));
          set({ tab: undefined });
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('sampling.title')}
        extra={
          <Space wrap>
            <ProjectSelect
              id="sampling-project"
              data-testid="sampling-project"
              activeOnly
              chooseTheOnlyOne
              style={{ minWidth: 220 }}
              placeholder={t('sampling.project')}
              value={project}
              onChange={(code) => set({ project: code })}
            />
            <DatePicker
              id="sampling-date"
              allowClear={false}
              value={dayjs(date)}
              disabledDate={(d) => !d.isBefore(dayjs(), 'day')}
              onChange={(d) => d && set({ date: d.format(DATE) })}
              data-testid="sampling-date"
            />
            {canRun && (
              <Tooltip title={t('sampling.run.runHint')}>
                <Button type="primary" disabled={!project} loading={runSampling.isPending} onClick={run} data-testid="sampling-run-button">
                  {t('sampling.run.run')}
                </Button>
              </Tooltip>
            )}
          </Space>
        }
      />
      {!project ? (
        <Empty description={t('sampling.pickProject')} style={{ marginTop: 48 }} data-testid="sampling-pick-project" />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => set({ tab: key === 'run' ? undefined : key })}
          items={[
            { key: 'run', label: t('sampling.tabs.run', { date }), children: <RunView project={project} date={date} canReassign={canReassign} /> },
            { key: 'plan', label: t('sampling.tabs.plan'), children: <PlanEditor project={project} canEdit={canEditPlan} /> },
            { key: 'confidence', label: t('sampling.tabs.confidence'), children: <ConfidenceTable project={project} /> },
          ]}
          destroyOnHidden
          data-testid="sampling-tabs"
        />
      )}
    </>
  );
}

export default SamplingRoute;
