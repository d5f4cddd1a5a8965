import { Button, Empty, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QUARTER_PATTERN } from '#shared/kpi/grades';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { ProjectSelect } from '#web/components/project-select';
import { useCan } from '#web/lib/authorization';
import { useFeedback } from '#web/lib/feedback';
import { downloadReview, type KpiGradeItem, useKpiGrades } from '../api/kpi';
import { ExamsDialog } from '../components/exams-dialog';
import { GradeTableCard } from '../components/grade-table-card';
import { OperationalImport } from '../components/operational-import';
import { PromotionDialog } from '../components/promotion-dialog';
import { PromotionsCard } from '../components/promotions-card';
import { ReviewTable } from '../components/review-table';
import { SchemeCard } from '../components/scheme-card';

/** The current quarter (the review as it stands) and the seven before it. */
function recentQuarters(now = new Date()): string[] {
  let year = now.getFullYear();
  let q = Math.floor(now.getMonth() / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < 8; i++) {
    out.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

/**
 * The quarterly grade review (DOMAIN.md "Grades and promotion"): per agent of a project the QA score
 * with its 95 % interval, KPI score, CPH, success rate, current and eligible grade and the move; the
 * operational figures are uploaded here; the review exports as XLSX. Project and quarter live in the address.
 */
export function KpiRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canUpload = useCan('kpi.operational.write');
  const canExport = useCan('export.direct');
  const feedback = useFeedback();
  const canApply = useCan('kpi.promotion.apply');
  const [applying, setApplying] = useState<KpiGradeItem | null>(null);
  const [examining, setExamining] = useState<KpiGradeItem | null>(null);
  const quarters = recentQuarters();
  const project = params.get('project') || undefined;
  const asked = params.get('quarter');
  const quarter = asked && QUARTER_PATTERN.test(asked) ? asked : quarters[0];
  const review = useKpiGrades(project ? { project, quarter } : undefined);
  const tab = ['scheme', 'grades'].includes(params.get('tab') ?? '') ? params.get('tab')! : 'review';

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
        title={t('kpi.title')}
        extra={
          <Space wrap>
            <ProjectSelect
              id="kpi-project"
              data-testid="kpi-project"
              activeOnly
              chooseTheOnlyOne
              style={{ minWidth: 220 }}
              placeholder={t('kpi.project')}
              value={project}
              onChange={(code) => set({ project: code })}
            />
            <Select
              data-testid="kpi-quarter"
              style={{ minWidth: 120 }}
              value={quarter}
              options={(quarters.includes(quarter) ? quarters : [quarter, ...quarters]).map((q) => ({ value: q, label: q }))}
              onChange={(q) => set({ quarter: q })}
            />
            {canUpload && <OperationalImport />}
            {canExport && project && (
              <Button data-testid="kpi-export" onClick={() => void downloadReview({ project, quarter }).catch(feedback.onError)}>
                {t('kpi.export')}
              </Button>
            )}
          </Space>
        }
      />
      {review.data && (
        <Typography.Paragraph type="secondary">
          {t('kpi.range', { from: review.data.from, to: review.data.to })}{' '}
          {review.data.gradeTable.version === 0 ? t('kpi.seedTable') : t('kpi.tableFrom', { quarter: review.data.gradeTable.fromQuarter })}
        </Typography.Paragraph>
      )}
      {!project ? (
        <Empty description={t('kpi.pickProject')} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => set({ tab: key === 'review' ? undefined : key })}
          items={[
            {
              key: 'review',
              label: t('kpi.tabs.review'),
              children: review.isError ? (
                <LoadError error={review.error} onRetry={() => void review.refetch()} />
              ) : review.isPending ? (
                <Spin />
              ) : review.data.items.length === 0 ? (
                <Empty description={t('kpi.empty')} />
              ) : (
                <ReviewTable items={review.data.items} scheme={review.data.scheme} onApply={canApply ? setApplying : undefined} onExams={setExamining} />
              ),
            },
            { key: 'scheme', label: t('kpi.tabs.scheme'), children: <SchemeCard project={project} quarter={quarter} inForce={review.data?.scheme} /> },
            { key: 'grades', label: t('kpi.tabs.gradeTable'), children: <GradeTableCard quarter={quarter} inForce={review.data?.gradeTable} /> },
          ]}
        />
      )}
      <PromotionsCard />
      <ExamsDialog key={`exams-${examining?.agent}`} item={examining} onClose={() => setExamining(null)} />
      <PromotionDialog key={applying?.agent} item={applying} quarter={quarter} onClose={() => setApplying(null)} />
    </>
  );
}

export default KpiRoute;
