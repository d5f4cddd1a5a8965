import { Space, Table, type TableProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '#web/components/call-player';
import { paths } from '#web/config/paths';
import type { Evaluation } from '../api/notices';

/**
 * Evaluations cited (or to cite) as evidence: the agent, the call, and each of its failed items among
 * `codes` with the inspector's comment and a link that opens the call at the defect's moment.
 */
export function EvidenceTable({
  evaluations,
  codes,
  loading,
  rowSelection,
  emptyText,
}: {
  evaluations: Evaluation[];
  codes: string[];
  loading?: boolean;
  rowSelection?: TableProps<Evaluation>['rowSelection'];
  emptyText: string;
}) {
  const { t } = useTranslation();
  const wanted = new Set(codes);
  return (
    <Table<Evaluation>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={evaluations}
      rowSelection={rowSelection}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
      locale={{ emptyText }}
      onRow={(e) => ({ 'data-testid': `evidence-row-${e.id}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('rectification.callTime'), dataIndex: 'callStartedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
        { title: t('rectification.agent'), key: 'agent', render: (_, e) => `${e.agentName}（${e.agent}）` },
        {
          title: t('rectification.failedItems'),
          key: 'items',
          render: (_, e) => (
            <Space orientation="vertical" size={2}>
              {e.items
                .filter((item) => item.verdict === 'fail' && wanted.has(item.code))
                .map((item) => (
                  <Space key={item.code} wrap size={4}>
                    <Tag color={item.critical ? 'red' : undefined}>
                      {item.code} {item.title}
                    </Tag>
                    {item.comment && <Typography.Text>{item.comment}</Typography.Text>}
                    <Link to={paths.recording.getHref(e.recordingId, { t: item.at })} data-testid="evidence-listen">
                      {item.at === null ? t('rectification.listen') : t('rectification.listenAt', { at: formatTime(item.at) })}
                    </Link>
                  </Space>
                ))}
            </Space>
          ),
        },
        { title: t('rectification.inspector'), dataIndex: 'inspectorName' },
      ]}
    />
  );
}
