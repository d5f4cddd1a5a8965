import { Progress, Segmented, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { CALIBRATION_LIST_STATUSES, type CalibrationListStatus, type CalibrationSessionSummary, useCalibrationSessions } from '../api/calibration';
import { NewSessionButton } from '../components/session-form';
import { StatusTag } from '../components/status-tag';

const isListStatus = (value: string | null): value is CalibrationListStatus => CALIBRATION_LIST_STATUSES.some((s) => s === value);

/**
 * Calibration sessions (issue 15): a supervisor's of his projects with a button to create one; an
 * inspector's those he takes part in. The status filter sits in the address (`?status=ready` is what the
 * supervisor's home counts as ready to reveal).
 */
export function CalibrationSessionsRoute() {
  const { t } = useTranslation();
  const manages = useCan('calibration.manage');
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status = isListStatus(asked) ? asked : undefined;
  const sessions = useCalibrationSessions(status);
  return (
    <>
      <PageHeader title={t('calibration.title')} extra={manages && <NewSessionButton />} />
      <Segmented<CalibrationListStatus | 'all'>
        style={{ marginBottom: 16 }}
        data-testid="calibration-filter"
        value={status ?? 'all'}
        onChange={(value) => setParams(value === 'all' ? {} : { status: value })}
        options={(['all', ...CALIBRATION_LIST_STATUSES] as const).map((value) => ({ value, label: t(`calibration.filters.${value}`) }))}
      />
      {sessions.isError ? (
        <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table<CalibrationSessionSummary>
          rowKey="id"
          scroll={{ x: 'max-content' }}
          loading={sessions.isPending}
          dataSource={sessions.data?.items}
          locale={{ emptyText: t('calibration.empty') }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
          onRow={(s) => ({ 'data-testid': `calibration-row-${s.id}` }) as HTMLAttributes<HTMLElement>}
          data-testid="calibration-table"
          columns={[
            {
              title: t('calibration.sessionTitle'),
              dataIndex: 'title',
              render: (title: string, s) => (
                <Link to={paths.calibrationSession.getHref(s.id)} data-testid={`calibration-open-${s.id}`}>
                  {title}
                </Link>
              ),
            },
            { title: t('calibration.project'), dataIndex: 'project' },
            {
              title: t('calibration.status'),
              dataIndex: 'status',
              render: (value: CalibrationSessionSummary['status'], s) => (
                <Space size={4}>
                  <StatusTag status={value} />
                  {s.readyToReveal && (
                    <Tag color="blue" data-testid="calibration-ready">
                      {t('calibration.readyToReveal')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: t('calibration.deadline'), dataIndex: 'deadline' },
            { title: t('calibration.callCount'), dataIndex: 'calls' },
            {
              title: t('calibration.progress'),
              key: 'progress',
              render: (_, s) => (
                <Progress
                  size="small"
                  style={{ minWidth: 120 }}
                  percent={s.expected ? Math.round((s.submitted / s.expected) * 100) : 0}
                  format={() => `${s.submitted} / ${s.expected}`}
                />
              ),
            },
            { title: t('calibration.createdAt'), dataIndex: 'createdAt', render: (at: string, s) => `${dayjs(at).format('YYYY-MM-DD')} · ${s.createdBy}` },
          ]}
        />
      )}
    </>
  );
}

export default CalibrationSessionsRoute;
