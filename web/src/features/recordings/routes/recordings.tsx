import { Alert, Table, type TableColumnsType, type TableProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { CallDirection } from '#shared/recordings';
import { useTeams } from '#web/api/teams';
import { formatTime } from '#web/components/call-player';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { errorMessage } from '#web/lib/errors';
import { type RecordingFilters as Filters, type RecordingSort, type RecordingSummary, type SortOrder, useRecordings } from '../api/recordings';
import { channelsLabel, directionLabel } from '../components/labels';
import { type FilterValues, RecordingFilters } from '../components/recording-filters';
import { teamLabel } from '../components/team-label';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_PAGE_SIZE = 20;
const DEFAULT_WINDOW_DAYS = 7;

const text = (params: URLSearchParams, key: string) => params.get(key)?.trim() || undefined;
const date = (params: URLSearchParams, key: string) => {
  const value = params.get(key);
  return value && DATE.test(value) ? value : undefined;
};
const number = (params: URLSearchParams, key: string) => {
  const value = params.get(key);
  if (value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/**
 * The filters live in the address, so a search can be bookmarked or sent to a colleague. Dates: the
 * last 7 days unless the address names some (`from`, `to`) or says `dates=all`; a search by customer
 * number looks at every date unless dates are named, because a complaint may be about any call.
 */
function useRecordingFilters(): [Filters, (patch: Partial<Filters>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const customerNumber = text(params, 'customerNumber');
  const from = date(params, 'from');
  const to = date(params, 'to');
  const defaultWindow = !from && !to && params.get('dates') !== 'all' && !customerNumber;
  const transcript = params.get('hasTranscript');
  const evaluated = params.get('evaluated');
  const failed = params.get('failed');
  const direction = params.get('direction');
  const sort = params.get('sort');
  const order = params.get('order');
  const filters: Filters = {
    from: defaultWindow
      ? dayjs()
          .subtract(DEFAULT_WINDOW_DAYS - 1, 'day')
          .format('YYYY-MM-DD')
      : from,
    to: defaultWindow ? dayjs().format('YYYY-MM-DD') : to,
    project: text(params, 'project'),
    team: text(params, 'team'),
    agent: text(params, 'agent'),
    direction: direction === CallDirection.Inbound || direction === CallDirection.Outbound ? direction : undefined,
    minDuration: number(params, 'minDuration'),
    maxDuration: number(params, 'maxDuration'),
    hasTranscript: transcript === 'true' ? true : transcript === 'false' ? false : undefined,
    evaluated: evaluated === 'true' ? true : evaluated === 'false' ? false : undefined,
    failed: failed && /^[A-Z][A-Z0-9_]*$/.test(failed) ? failed : undefined,
    customerNumber,
    sort: sort === 'duration' || sort === 'startedAt' ? (sort as RecordingSort) : undefined,
    order: order === 'asc' || order === 'desc' ? (order as SortOrder) : undefined,
    page: Math.max(1, Math.floor(number(params, 'page') ?? 1)),
    pageSize: Math.min(100, Math.max(1, Math.floor(number(params, 'pageSize') ?? DEFAULT_PAGE_SIZE))),
  };

  const set = (patch: Partial<Filters>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'from' || key === 'to') continue;
      if (value === undefined || value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if ('from' in patch || 'to' in patch) {
      next.delete('from');
      next.delete('to');
      next.delete('dates');
      if (patch.from && patch.to) {
        next.set('from', patch.from);
        next.set('to', patch.to);
      } else next.set('dates', 'all');
    }
    // Any other change goes back to the first page.
    if (!('page' in patch) || patch.page === 1) next.delete('page');
    if (next.get('pageSize') === String(DEFAULT_PAGE_SIZE)) next.delete('pageSize');
    setParams(next, { replace: true });
  };
  const reset = () => setParams(new URLSearchParams(), { replace: true });
  return [filters, set, reset];
}

/** Finds calls: by date, organisation, agent, direction, length, transcript and a complaint's number. */
export function RecordingsRoute() {
  const { t } = useTranslation();
  const location = useLocation();
  const [filters, setFilters, resetFilters] = useRecordingFilters();
  const recordings = useRecordings(filters);
  const teams = useTeams();
  const sort = filters.sort ?? 'startedAt';
  const order = filters.order ?? 'desc';
  const sortOrder = (column: RecordingSort) => (sort === column ? (order === 'asc' ? 'ascend' : 'descend') : null);
  // The player's "back" returns to this very search.
  const linkState = { back: `${location.pathname}${location.search}` };

  const columns: TableColumnsType<RecordingSummary> = [
    {
      title: t('recordings.startedAt'),
      dataIndex: 'startedAt',
      key: 'startedAt',
      sorter: true,
      sortOrder: sortOrder('startedAt'),
      sortDirections: ['descend', 'ascend'],
      render: (startedAt: string, r) => (
        <Link to={paths.recording.getHref(r.id)} state={linkState} data-testid="recording-link">
          {dayjs(startedAt).format('YYYY-MM-DD HH:mm:ss')}
        </Link>
      ),
    },
    { title: t('recordings.agent'), key: 'agent', render: (_, r) => `${r.agentName} (${r.agent})` },
    { title: t('recordings.team'), dataIndex: 'team', render: (team: string) => teamLabel(team, teams.data?.items) },
    {
      title: t('recordings.direction'),
      dataIndex: 'direction',
      render: (direction: CallDirection) => <Tag color={direction === CallDirection.Inbound ? 'blue' : 'purple'}>{directionLabel(direction, t)}</Tag>,
    },
    {
      title: t('recordings.customerNumber'),
      dataIndex: 'customerNumber',
      render: (n: string | null) => (n ? <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{n}</Typography.Text> : '—'),
    },
    { title: t('recordings.businessType'), dataIndex: 'businessType', render: (b: string | null) => b ?? '—' },
    {
      title: t('recordings.duration'),
      dataIndex: 'duration',
      key: 'duration',
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('duration'),
      sortDirections: ['descend', 'ascend'],
      render: (d: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatTime(d)}</span>,
    },
    { title: t('recordings.channels'), dataIndex: 'channels', render: (c: RecordingSummary['channels']) => channelsLabel(c, t) },
    {
      title: t('recordings.transcript'),
      dataIndex: 'hasTranscript',
      render: (has: boolean) => (has ? <Tag color="green">{t('recordings.has')}</Tag> : <Tag>{t('recordings.hasNot')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'end',
      render: (_, r) => (
        <Link to={paths.recording.getHref(r.id)} state={linkState} data-testid="recording-open">
          {t('recordings.open')}
        </Link>
      ),
    },
  ];

  const onTableChange: TableProps<RecordingSummary>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const column = sorter.columnKey === 'duration' ? 'duration' : 'startedAt';
    const nextOrder: SortOrder = sorter.order === 'ascend' ? 'asc' : 'desc';
    // startedAt, newest first, is the server's default: keep the address short.
    setFilters(column === 'startedAt' && nextOrder === 'desc' ? { sort: undefined, order: undefined } : { sort: column, order: nextOrder });
  };

  const { page, pageSize, sort: _sort, order: _order, ...values } = filters;
  return (
    <>
      <PageHeader title={t('recordings.title')} />
      <RecordingFilters value={values as FilterValues} onChange={setFilters} onReset={resetFilters} />
      {recordings.isError && (
        <Alert
          data-testid="load-error"
          type="error"
          showIcon
          title={t('errors.unexpected')}
          description={errorMessage(recordings.error, t)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<RecordingSummary>
        data-testid="recordings-table"
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={recordings.isPending || (recordings.isFetching && recordings.isPlaceholderData)}
        columns={columns}
        dataSource={recordings.isError ? [] : recordings.data?.items}
        onRow={(r) => ({ 'data-testid': 'recording-row', 'data-id': r.id }) as HTMLAttributes<HTMLElement>}
        onChange={onTableChange}
        pagination={{
          current: page,
          pageSize,
          total: recordings.isError ? 0 : (recordings.data?.total ?? 0),
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { count }),
          onChange: (nextPage, nextSize) => setFilters({ page: nextSize === pageSize ? nextPage : 1, pageSize: nextSize }),
        }}
      />
    </>
  );
}

export default RecordingsRoute;
