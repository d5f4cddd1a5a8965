import { Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { type CoachingItem, type CoachingStatus, useCoachingItems } from '../api/coaching-items';
import { CoachingStatusTag } from '../components/status-tag';

const STATUSES: CoachingStatus[] = ['open', 'coached', 'improved', 'resolved'];
const isStatus = (value: string | null): value is CoachingStatus => STATUSES.includes(value as CoachingStatus);

/**
 * The team lead's coaching items (DOMAIN.md workflow 4): fatal and newest first, open ones by default,
 * asked again every 15 s so that an inspector's new failure shows without reloading.
 */
export function CoachingRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'all' ? undefined : isStatus(params.get('status')) ? (params.get('status') as CoachingStatus) : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  // A team code from a link (the dashboard's open items of one team).
  const team = params.get('team') || undefined;
  const list = useCoachingItems({ status, team, page, pageSize: 20 });
  const setFilters = (next: Record<string, string>) => setParams(team ? { team, ...next } : next);

  const columns: TableColumnsType<CoachingItem> = [
    {
      title: t('coaching.createdAt'),
      dataIndex: 'createdAt',
      render: (createdAt: string, item) => (
        <Link to={paths.coachingItem.getHref(item.id)} data-testid="coaching-open">
          {dayjs(createdAt).format('YYYY-MM-DD HH:mm')}
        </Link>
      ),
    },
    { title: t('coaching.agent'), dataIndex: 'agent', render: (agent: string, item) => `${item.agentName}（${agent}）` },
    { title: t('coaching.team'), dataIndex: 'team' },
    {
      title: t('coaching.codes'),
      dataIndex: 'codes',
      render: (codes: string[], item) => (
        <Space size={4} wrap>
          {item.fatal && <Tag color="red">{t('coaching.fatal')}</Tag>}
          {codes.map((code) => (
            <Tag key={code}>{code}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('coaching.status'),
      dataIndex: 'status',
      render: (s: CoachingStatus, item) => (
        <Space direction="vertical" size={0}>
          <CoachingStatusTag status={s} reopened={!!item.reopened} />
          {item.reopened && (
            <Typography.Text type="secondary" data-testid="coaching-reopened-why">
              {t('coaching.reopenedWhy', { codes: item.reopened.codes.join('、'), at: dayjs(item.reopened.at).format('MM-DD HH:mm') })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('coaching.title')}
        extra={
          <Space wrap>
            {team && (
              <Tag closable onClose={() => setParams(status ? { status } : {})} data-testid="coaching-team">
                {t('coaching.teamFilter', { team })}
              </Tag>
            )}
            <Select
              style={{ width: 160 }}
              value={status ?? 'all'}
              onChange={(value) => setFilters({ status: value })}
              options={[{ value: 'all', label: t('coaching.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`coaching.statuses.${s}`) }))]}
              data-testid="coaching-status"
            />
          </Space>
        }
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CoachingItem>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items}
          columns={columns}
          data-testid="coaching-table"
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total,
            showSizeChanger: false,
            showTotal: (count) => t('common.total', { count }),
            onChange: (next) => setFilters({ ...(status ? { status } : { status: 'all' }), page: String(next) }),
          }}
        />
      )}
    </>
  );
}

export default CoachingRoute;
