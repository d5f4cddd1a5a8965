import { Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { type AuditLogEntry, type AuditLogQuery, useAuditLog } from '../api/audit-log';
import { plainIp } from '#web/lib/ip';
import { AUDIT_ACTIONS, actionLabel, detailText } from '../components/audit-action';

export function AuditLogRoute() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState<AuditLogQuery>({ page: 1, pageSize: 20 });
  const log = useAuditLog(query);

  const columns: TableColumnsType<AuditLogEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 190, render: (at: string) => new Date(at).toLocaleString(i18n.resolvedLanguage) },
    { title: t('audit.username'), dataIndex: 'username', render: (username: string | null) => username ?? '—' },
    { title: t('audit.action'), dataIndex: 'action', render: (action: string) => actionLabel(action, t) },
    { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => plainIp(ip) },
    {
      title: t('audit.detail'),
      dataIndex: 'detail',
      render: (detail: AuditLogEntry['detail']) => {
        const text = detailText(detail, t);
        return (
          text && (
            <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 360 }}>
              {text}
            </Typography.Text>
          )
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Select<string>
            id="filter-action"
            data-testid="audit-filter-action"
            allowClear
            placeholder={t('audit.filterAction')}
            style={{ minWidth: 180 }}
            value={query.action}
            options={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action, t) }))}
            onChange={(action) => setQuery({ ...query, action, page: 1 })}
          />
        }
      />
      {log.isError ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Table<AuditLogEntry>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          size="small"
          loading={log.isPending || (log.isFetching && log.isPlaceholderData)}
          columns={columns}
          dataSource={log.data?.items}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: log.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (count) => t('common.total', { count }),
            onChange: (page, pageSize) => setQuery({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }),
          }}
        />
      )}
    </>
  );
}

export default AuditLogRoute;
