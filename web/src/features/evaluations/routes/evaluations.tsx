import { Alert, App, Button, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '#web/components/errors/load-error';
import { EvaluationItems, useEvaluationColumns } from '#web/components/evaluation';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { errorMessage } from '#web/lib/errors';
import { downloadEvaluations, type Evaluation, type EvaluationFilters as Filters, type ExportFormat, type Flag, useEvaluations } from '../api/evaluations';
import { EvaluationFilters } from '../components/evaluation-filters';

const DATE = 'YYYY-MM-DD';
const DEFAULT_DAYS = 30;
const DEFAULT_PAGE_SIZE = 20;

/** The filters live in the address; without dates, the last 30 days. */
function useEvaluationFilters(): [Filters, (next: Partial<Filters>) => void] {
  const [params, setParams] = useSearchParams();
  const date = (key: string) => {
    const value = params.get(key);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? value : undefined;
  };
  const flag = (key: string): Flag | undefined => {
    const value = params.get(key);
    return value === 'true' || value === 'false' ? value : undefined;
  };
  const filters: Filters = {
    from:
      date('from') ??
      dayjs()
        .subtract(DEFAULT_DAYS - 1, 'day')
        .format(DATE),
    to: date('to') ?? dayjs().format(DATE),
    project: params.get('project') || undefined,
    team: params.get('team') || undefined,
    agent: params.get('agent') || undefined,
    code: params.get('code') || undefined,
    status: params.get('status') === 'draft' ? 'draft' : undefined,
    inspector: params.get('inspector') || undefined,
    fatal: flag('fatal'),
    calibration: flag('calibration'),
    amended: flag('amended'),
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE,
  };
  const set = (next: Partial<Filters>) => {
    const merged = { ...filters, ...next };
    const entries = Object.entries(merged).filter(
      ([key, value]) => value !== undefined && value !== '' && !(key === 'page' && value === 1) && !(key === 'pageSize' && value === DEFAULT_PAGE_SIZE),
    );
    setParams(Object.fromEntries(entries.map(([key, value]) => [key, String(value)])), { replace: true });
  };
  return [filters, set];
}

export function EvaluationsRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useEvaluationFilters();
  const evaluations = useEvaluations(filters);
  const [downloading, setDownloading] = useState<ExportFormat | null>(null);
  // Inspectors and team leads export through a request a supervisor approves (seed 三(三)).
  const direct = useCan('export.direct');
  const drafts = filters.status === 'draft';
  const listed = useEvaluationColumns<Evaluation>({
    callLinkTestId: 'evaluation-call-link',
    who: [
      { title: t('evaluations.agent'), key: 'agent', render: (_, e) => `${e.agentName} (${e.agent})` },
      { title: t('evaluations.team'), dataIndex: 'team' },
    ],
  });
  // A draft is carried on in the scoring workspace.
  const columns = drafts
    ? [
        ...listed,
        {
          title: t('evaluations.drafts.action'),
          key: 'continue',
          render: (_: unknown, e: Evaluation) => (
            <Link to={paths.evaluate.getHref(e.recordingId, { source: e.source })} data-testid="evaluation-continue">
              {t('evaluations.drafts.continue')}
            </Link>
          ),
        },
      ]
    : listed;

  const download = async (format: ExportFormat) => {
    setDownloading(format);
    try {
      await downloadEvaluations(filters, format);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setDownloading(null);
    }
  };

  const { page, pageSize, status: _status, ...rest } = filters;
  return (
    <>
      <PageHeader
        title={drafts ? t('evaluations.drafts.title') : t('evaluations.title')}
        extra={
          !drafts && (
            <Space wrap>
              {!direct && (
                <Link to={paths.exports.getHref()} data-testid="evaluations-request-export">
                  <Button>{t('exports.request')}</Button>
                </Link>
              )}
              {direct && (
                <>
                  <Button loading={downloading === 'csv'} onClick={() => void download('csv')} data-testid="evaluations-download-csv">
                    {t('evaluations.downloadCsv')}
                  </Button>
                  <Button loading={downloading === 'xlsx'} onClick={() => void download('xlsx')} data-testid="evaluations-download-xlsx">
                    {t('evaluations.downloadXlsx')}
                  </Button>
                </>
              )}
            </Space>
          )
        }
      />
      {drafts && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('evaluations.drafts.hint')}
          action={
            <Button size="small" onClick={() => setFilters({ status: undefined, page: 1 })} data-testid="evaluations-all">
              {t('evaluations.drafts.showSubmitted')}
            </Button>
          }
          data-testid="evaluations-drafts"
        />
      )}
      <EvaluationFilters value={rest} onChange={(next) => setFilters({ ...next, page: 1 })} />
      <LinkedFilters filters={rest} onClear={(key) => setFilters({ [key]: undefined, page: 1 })} />
      {evaluations.isError ? (
        <LoadError error={evaluations.error} onRetry={() => void evaluations.refetch()} />
      ) : (
        <Table<Evaluation>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={evaluations.isPending || (evaluations.isFetching && evaluations.isPlaceholderData)}
          columns={columns}
          dataSource={evaluations.data?.items}
          expandable={{ expandedRowRender: (e) => <EvaluationItems evaluation={e} /> }}
          onRow={(e) => ({ 'data-testid': `evaluation-row-${e.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('evaluations.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: evaluations.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (count) => t('common.total', { count }),
            onChange: (nextPage, nextSize) => setFilters({ page: nextSize === pageSize ? nextPage : 1, pageSize: nextSize }),
          }}
          data-testid="evaluations-table"
        />
      )}
    </>
  );
}

type LinkedKey = 'project' | 'inspector' | 'fatal' | 'calibration' | 'amended';

/** The filters a link brought (a dashboard's figure) that the filter bar has no control for, each as a tag that removes it. */
function LinkedFilters({ filters, onClear }: { filters: Partial<Filters>; onClear: (key: LinkedKey) => void }) {
  const { t } = useTranslation();
  const tags: [LinkedKey, string][] = [];
  if (filters.project) tags.push(['project', t('evaluations.linked.project', { project: filters.project })]);
  if (filters.inspector) tags.push(['inspector', t('evaluations.linked.inspector', { inspector: filters.inspector })]);
  if (filters.fatal) tags.push(['fatal', t(`evaluations.linked.fatal.${filters.fatal}`)]);
  if (filters.calibration) tags.push(['calibration', t(`evaluations.linked.calibration.${filters.calibration}`)]);
  if (filters.amended) tags.push(['amended', t(`evaluations.linked.amended.${filters.amended}`)]);
  if (!tags.length) return null;
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="evaluations-linked-filters">
      {tags.map(([key, label]) => (
        <Tag key={key} closable onClose={() => onClear(key)} data-testid={`evaluations-linked-${key}`}>
          {label}
        </Tag>
      ))}
    </Space>
  );
}

export default EvaluationsRoute;
