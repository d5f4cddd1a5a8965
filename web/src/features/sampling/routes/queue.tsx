import { App, Button, DatePicker, Flex, Progress, Space, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTeams } from '#web/api/teams';
import { formatTime } from '#web/components/call-player';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { useUser } from '#web/lib/auth';
import { useCan } from '#web/lib/authorization';
import { errorMessage } from '#web/lib/errors';
import type { Assignment } from '../api/assignments';
import { useNextCall, useQueue } from '../api/queue';
import { callTime, DATE, isDate } from '../components/format';
import { ReasonTag } from '../components/reason-tag';
import { SpotCheckForm } from '../components/spot-check-form';

/** Where a call of the queue is scored: the workspace, told why the call is scored. */
const workspaceHref = (a: Pick<Assignment, 'recordingId' | 'source'>) => paths.evaluate.getHref(a.recordingId, { source: a.source });

/** Typing in a field never triggers a page shortcut. */
const typingIn = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The listener's queue (DOMAIN.md workflow 2): the calls sampled for him with why each was picked,
 * how far he is, and 下一通 (N) to open the next unscored call in the scoring workspace.
 */
export function QueueRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const date = isDate(params.get('date')) ? params.get('date')! : undefined;
  const queue = useQueue(date);
  const next = useNextCall();
  const teams = useTeams();
  const { data: user } = useUser();
  const isLead = useCan('sampling.spotCheck');
  const [spotCheck, setSpotCheck] = useState(false);
  const teamName = new Map((teams.data?.items ?? []).map((team) => [team.code, team.name]));

  const openNext = () => {
    if (next.isPending) return;
    next.mutate(undefined, {
      onSuccess: ({ next: call }) => {
        if (call) void navigate(workspaceHref(call));
        else void message.success(t('sampling.queue.allDone'));
      },
      onError: (error) => void message.error(errorMessage(error, t)),
    });
  };

  // N opens the next call, unless a field has the keyboard or the spot-check dialog is open.
  const openNextRef = useRef(openNext);
  openNextRef.current = openNext;
  useEffect(() => {
    if (spotCheck) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.repeat || typingIn(event.target)) return;
      if (event.key !== 'n' && event.key !== 'N') return;
      event.preventDefault();
      openNextRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [spotCheck]);

  const total = queue.data?.total ?? 0;
  const done = queue.data?.done ?? 0;
  const percent = total ? Math.round((done / total) * 100) : 0;

  const columns: TableColumnsType<Assignment> = [
    {
      title: t('sampling.queue.callTime'),
      dataIndex: 'startedAt',
      render: (startedAt: string, a) => (
        <Link to={workspaceHref(a)} onClick={(e) => e.stopPropagation()} data-testid="queue-open">
          {callTime(startedAt)}
        </Link>
      ),
    },
    { title: t('sampling.agent'), key: 'agent', render: (_, a) => `${a.agentName} (${a.agent})` },
    { title: t('sampling.team'), dataIndex: 'team', render: (team: string) => teamName.get(team) ?? team },
    {
      title: t('sampling.duration'),
      dataIndex: 'duration',
      align: 'right',
      render: (d: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatTime(d)}</span>,
    },
    { title: t('sampling.reason'), dataIndex: 'reason', render: (reason: string) => <ReasonTag reason={reason} /> },
    { title: t('sampling.sampledDay'), dataIndex: 'date' },
    {
      title: t('sampling.done'),
      dataIndex: 'done',
      align: 'center',
      render: (isDone: boolean) =>
        isDone ? (
          <Tooltip title={t('sampling.queue.scored')}>
            <Typography.Text type="success" strong aria-label={t('sampling.queue.scored')}>
              ✓
            </Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('sampling.queue.title')}
        extra={
          <Space wrap>
            <DatePicker
              allowClear
              placeholder={t('sampling.queue.allOpen')}
              value={date ? dayjs(date) : null}
              onChange={(d) => setParams(d ? { date: d.format(DATE) } : {}, { replace: true })}
              style={{ width: 200 }}
              data-testid="queue-date"
            />
            {isLead && (
              <Button onClick={() => setSpotCheck(true)} data-testid="queue-spot-check">
                {t('sampling.spotCheck.open')}
              </Button>
            )}
            <Tooltip title={t('sampling.queue.nextHint')}>
              <Button type="primary" loading={next.isPending} onClick={openNext} data-testid="queue-next">
                {t('sampling.queue.next')}
              </Button>
            </Tooltip>
          </Space>
        }
      />
      {queue.isError ? (
        <LoadError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <>
          <Flex align="center" gap="middle" style={{ marginBottom: 16, maxWidth: 640 }} data-testid="queue-progress" data-done={done} data-total={total}>
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
              {t('sampling.queue.progress', { done, total })}
            </Typography.Text>
            <Progress percent={percent} status={total > 0 && done === total ? 'success' : 'normal'} style={{ margin: 0, flex: 1 }} />
          </Flex>
          <Typography.Paragraph type="secondary">{date ? t('sampling.queue.dayHint', { date }) : t('sampling.queue.defaultHint')}</Typography.Paragraph>
          <Table<Assignment>
            data-testid="queue-table"
            rowKey="id"
            size="middle"
            scroll={{ x: 'max-content' }}
            loading={queue.isPending}
            columns={columns}
            dataSource={queue.data?.items}
            locale={{ emptyText: t('sampling.queue.empty') }}
            onRow={(a) =>
              ({
                'data-testid': 'queue-row',
                'data-recording-id': a.recordingId,
                'data-done': String(a.done),
                style: { cursor: 'pointer' },
                onClick: () => void navigate(workspaceHref(a)),
              }) as HTMLAttributes<HTMLElement>
            }
            pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
          />
        </>
      )}
      {spotCheck && <SpotCheckForm teams={user?.teams ?? []} onClose={() => setSpotCheck(false)} />}
    </>
  );
}

export default QueueRoute;
