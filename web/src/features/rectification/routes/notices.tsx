import { Button, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTeams } from '#web/api/teams';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { type RectificationNotice, type RectificationStatus, useNotices } from '../api/notices';
import { NoticeStatusTag } from '../components/status-tag';

const STATUSES: RectificationStatus[] = ['issued', 'acknowledged', 're-checking', 'escalated', 'closed'];
const isStatus = (value: string | null): value is RectificationStatus => STATUSES.includes(value as RectificationStatus);

/** Rectification notices, newest first: a team lead sees his teams' only. Team and status live in the address. */
export function NoticesRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canIssue = useCan('rectification.issue');
  const team = params.get('team') || undefined;
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  // `open`: every notice not closed yet (what the dashboard counts per team); the list is not paged, so it is filtered here.
  const openOnly = statusParam === 'open';
  const notices = useNotices({ team, status });
  const shown = openOnly ? notices.data?.items.filter((n) => n.status !== 'closed') : notices.data?.items;
  const teams = useTeams();

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
        title={t('rectification.title')}
        extra={
          <Space wrap>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('rectification.allTeams')}
              style={{ minWidth: 180 }}
              value={team}
              loading={teams.isPending}
              options={(teams.data?.items ?? []).map((x) => ({ value: x.code, label: `${x.name} (${x.code})` }))}
              onChange={(value) => set({ team: value })}
              data-testid="notices-team"
            />
            <Select<RectificationStatus | 'open'>
              allowClear
              placeholder={t('rectification.allStatuses')}
              style={{ minWidth: 140 }}
              value={openOnly ? 'open' : status}
              options={[{ value: 'open' as const, label: t('rectification.notClosed') }, ...STATUSES.map((s) => ({ value: s, label: t(`rectification.statuses.${s}`) }))]}
              onChange={(value) => set({ status: value })}
              data-testid="notices-status"
            />
            {canIssue && (
              <Link to={paths.rectificationIssue.getHref({ team })}>
                <Button type="primary" data-testid="notices-issue">
                  {t('rectification.issue')}
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      {notices.isError ? (
        <LoadError error={notices.error} onRetry={() => void notices.refetch()} />
      ) : (
        <Table<RectificationNotice>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={notices.isPending}
          dataSource={shown}
          locale={{ emptyText: t('rectification.empty') }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
          onRow={(n) => ({ 'data-testid': `notice-row-${n.id}` }) as HTMLAttributes<HTMLElement>}
          data-testid="notices-table"
          columns={[
            { title: t('rectification.issuedAt'), dataIndex: 'issuedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
            { title: t('rectification.team'), key: 'team', render: (_, n) => `${n.teamName} (${n.team})` },
            { title: t('rectification.codes'), dataIndex: 'codes', render: (codes: string[]) => codes.map((c) => <Tag key={c}>{c}</Tag>) },
            { title: t('rectification.deadline'), dataIndex: 'deadline' },
            { title: t('rectification.status'), dataIndex: 'status', render: (s: RectificationStatus) => <NoticeStatusTag status={s} /> },
            { title: t('rectification.issuedBy'), dataIndex: 'issuedBy' },
            {
              title: '',
              key: 'open',
              render: (_, n) => (
                <Link to={paths.rectificationNotice.getHref(n.id)} data-testid="notice-open">
                  {t('rectification.open')}
                </Link>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

export default NoticesRoute;
