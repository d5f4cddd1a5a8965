import { Badge, Card, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { ProjectSelect } from '#web/components/project-select';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { type AnalysisReportKind, type AnalysisReportSummary, useReports } from '../api/analysis-reports';
import { GenerateForm } from '../components/generate-form';
import { KindTag, periodText } from '../components/kind-tag';

const KINDS: AnalysisReportKind[] = ['daily', 'weekly', 'monthly'];
const isKind = (v: string | null): v is AnalysisReportKind => KINDS.includes(v as AnalysisReportKind);

/** The reports of one's projects, newest period first; a supervisor also makes them. Kind and project live in the address. */
export function ReportsRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canGenerate = useCan('report.analysis.generate');
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const project = params.get('project') || undefined;
  const reports = useReports({ kind, project });

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
        title={t('analysisReports.title')}
        extra={
          <Space wrap>
            <Select<AnalysisReportKind>
              allowClear
              placeholder={t('analysisReports.allKinds')}
              style={{ minWidth: 120 }}
              value={kind}
              options={KINDS.map((k) => ({ value: k, label: t(`analysisReports.kinds.${k}`) }))}
              onChange={(value) => set({ kind: value })}
              data-testid="reports-kind"
            />
            <ProjectSelect
              allowClear
              placeholder={t('analysisReports.allProjects')}
              style={{ minWidth: 180 }}
              value={project}
              onChange={(value) => set({ project: value })}
            />
          </Space>
        }
      />
      {canGenerate && (
        <Card size="small" title={t('analysisReports.generateTitle')} style={{ marginBottom: 16 }}>
          <GenerateForm />
        </Card>
      )}
      {reports.isError ? (
        <LoadError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <Table<AnalysisReportSummary>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={reports.isPending}
          dataSource={reports.data?.items}
          locale={{ emptyText: t('analysisReports.empty') }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
          onRow={(r) => ({ 'data-testid': `report-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
          data-testid="reports-table"
          columns={[
            { title: t('analysisReports.kind'), dataIndex: 'kind', render: (k: AnalysisReportKind) => <KindTag kind={k} /> },
            { title: t('analysisReports.project'), key: 'project', render: (_, r) => `${r.projectName} (${r.project})` },
            { title: t('analysisReports.period'), key: 'period', render: (_, r) => periodText(r) },
            { title: t('analysisReports.generatedAt'), dataIndex: 'generatedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
            { title: t('analysisReports.generatedBy'), dataIndex: 'generatedBy', render: (by: string | null) => by ?? t('analysisReports.bySchedule') },
            {
              title: t('analysisReports.status'),
              key: 'status',
              render: (_, r) =>
                r.publishedAt ? (
                  <Space size={4}>
                    <Tag color="green">{t('analysisReports.published')}</Tag>
                    {r.read ? (
                      <span data-testid="report-read">{t('analysisReports.read')}</span>
                    ) : (
                      <Badge status="processing" text={t('analysisReports.unread')} data-testid="report-unread" />
                    )}
                  </Space>
                ) : (
                  <Tag>{t('analysisReports.unpublished')}</Tag>
                ),
            },
            {
              title: '',
              key: 'open',
              render: (_, r) => (
                <Link to={paths.analysisReport.getHref(r.id)} data-testid="report-open">
                  {t('analysisReports.open')}
                </Link>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

export default ReportsRoute;
