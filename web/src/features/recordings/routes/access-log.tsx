import { Space, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { type AccessLogEntry, type AccessLogQuery, useAccessLog } from '../api/access-log';
import { accessActionLabel } from '../components/labels';
import { SearchInput } from '../components/search-input';
import { plainIp } from '#web/lib/ip';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_PAGE_SIZE = 20;

/** The query in the address: `recordingId` (one call's listeners), `username`, `page`, `pageSize`. */
function useAccessLogQuery(): [AccessLogQuery, (patch: Partial<AccessLogQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const recordingId = params.get('recordingId');
  const query: AccessLogQuery = {
    recordingId: recordingId && UUID.test(recordingId) ? recordingId : undefined,
    username: params.get('username')?.trim() || undefined,
    page: Math.max(1, Math.floor(Number(params.get('page')) || 1)),
    pageSize: Math.min(100, Math.max(1, Math.floor(Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE))),
  };
  const set = (patch: Partial<AccessLogQuery>) => {
    const merged: Record<string, unknown> = { ...query, page: 1, ...patch };
    const entries = Object.entries(merged).filter(
      ([key, value]) => value !== undefined && value !== '' && !(key === 'page' && value === 1) && !(key === 'pageSize' && value === DEFAULT_PAGE_SIZE),
    );
    setParams(Object.fromEntries(entries.map(([key, value]) => [key, String(value)])), { replace: true });
  };
  return [query, set];
}

/** Who played or downloaded which call, and when: recordings are personal data. */
export function RecordingAccessLogRoute() {
  const { t } = useTranslation();
  const [query, setQuery] = useAccessLogQuery();
  const log = useAccessLog(query);

  const columns: TableColumnsType<AccessLogEntry> = [
    { title: t('recordings.accessAt'), dataIndex: 'at', width: 180, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('recordings.accessUser'), dataIndex: 'username' },
    {
      title: t('recordings.accessAction'),
      dataIndex: 'action',
      render: (action: string) => <Tag color={action === 'download' ? 'orange' : 'blue'}>{accessActionLabel(action, t)}</Tag>,
    },
    {
      title: t('recordings.accessCall'),
      key: 'call',
      render: (_, entry) => (
        <Link to={paths.recording.getHref(entry.recordingId)} data-testid="access-log-call">
          {entry.externalId}
        </Link>
      ),
    },
    { title: t('recordings.agentNo'), dataIndex: 'agent' },
    { title: t('recordings.accessIp'), dataIndex: 'ip', render: (ip: string | null) => plainIp(ip) },
  ];

  return (
    <>
      <PageHeader
        title={t('recordings.accessLogTitle')}
        extra={
          <Space wrap>
            {query.recordingId && (
              <Tag closable data-testid="access-log-recording" onClose={() => setQuery({ recordingId: undefined })}>
                {t('recordings.oneRecordingOnly')}
              </Tag>
            )}
            <SearchInput
              id="access-log-username"
              testId="access-log-username"
              placeholder={t('recordings.accessUser')}
              value={query.username}
              style={{ width: 240 }}
              onSearch={(username) => setQuery({ username })}
            />
          </Space>
        }
      />
      {log.isError ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Table<AccessLogEntry>
          data-testid="access-log-table"
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={log.isPending || (log.isFetching && log.isPlaceholderData)}
          columns={columns}
          dataSource={log.data?.items}
          onRow={(entry) => ({ 'data-testid': 'access-log-row', 'data-action': entry.action }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: log.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (count) => t('common.total', { count }),
            onChange: (page, pageSize) => setQuery({ page: pageSize === query.pageSize ? page : 1, pageSize }),
          }}
        />
      )}
    </>
  );
}

export default RecordingAccessLogRoute;
