import { Table, Tooltip } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectorFigures } from '../api/inspectors';
import { Deviation } from './deviation';
import { score } from './format';

/** 「4 分 12 秒」 from seconds; a dash without a figure. */
function useDuration() {
  const { t } = useTranslation();
  return (seconds: number | null) => {
    if (seconds === null) return '—';
    const whole = Math.round(seconds);
    const minutes = Math.floor(whole / 60);
    return minutes ? t('dashboard.minutesSeconds', { minutes, seconds: whole % 60 }) : t('dashboard.seconds', { seconds: whole });
  };
}

/**
 * The inspectors' own work (DOMAIN.md: the supervisor supervises the inspectors): how many a day, how
 * long each takes against the call's length, how their scores sit against the others', and how often
 * a supervisor amended them.
 */
export function InspectorsTable({
  inspectors,
  consistencyOf,
  evaluationsOf,
  amendmentsOf,
}: {
  inspectors: readonly InspectorFigures[];
  /** The inspector's consistency page. */
  consistencyOf: (inspector: string) => string;
  evaluationsOf: (inspector: string) => string;
  amendmentsOf: (inspector: string) => string;
}) {
  const { t } = useTranslation();
  const duration = useDuration();
  return (
    <Table<InspectorFigures>
      rowKey="inspector"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={[...inspectors]}
      data-testid="dashboard-inspectors"
      locale={{ emptyText: t('dashboard.noInspectors') }}
      onRow={(row) => ({ 'data-testid': `dashboard-inspector-${row.inspector}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('dashboard.inspector'),
          key: 'inspector',
          render: (_, row) => (
            <Link to={consistencyOf(row.inspector)} data-testid="dashboard-inspector-consistency">
              {`${row.name} (${row.inspector})`}
            </Link>
          ),
        },
        {
          title: t('dashboard.evaluations'),
          dataIndex: 'evaluations',
          align: 'right',
          render: (value: number, row) => (
            <Link to={evaluationsOf(row.inspector)} data-testid="dashboard-inspector-evaluations" data-value={value}>
              {value}
            </Link>
          ),
        },
        { title: t('dashboard.perDay'), dataIndex: 'perDay', align: 'right', render: (value: number) => value.toFixed(1) },
        {
          title: t('dashboard.timeVsCall'),
          key: 'time',
          align: 'right',
          render: (_, row) => {
            const ratio = row.medianSeconds !== null && row.medianCallSeconds ? row.medianSeconds / row.medianCallSeconds : null;
            return (
              <Tooltip title={t('dashboard.timeVsCallHelp')}>
                <span data-testid="dashboard-inspector-time">
                  {duration(row.medianSeconds)} / {duration(row.medianCallSeconds)}
                  {ratio !== null && ` (×${ratio.toFixed(1)})`}
                </span>
              </Tooltip>
            );
          },
        },
        { title: t('dashboard.averageScore'), dataIndex: 'averageScore', align: 'right', render: (value: number | null) => score(value) },
        { title: t('dashboard.spread'), dataIndex: 'scoreSpread', align: 'right', render: (value: number | null) => score(value) },
        {
          title: t('dashboard.deviation'),
          dataIndex: 'deviation',
          align: 'right',
          render: (value: number | null) => <Deviation value={value} testId="dashboard-inspector-deviation" />,
        },
        {
          title: t('dashboard.amendments'),
          dataIndex: 'amendments',
          align: 'right',
          render: (value: number, row) =>
            value ? (
              <Link to={amendmentsOf(row.inspector)} data-testid="dashboard-inspector-amendments" data-value={value}>
                {value}
              </Link>
            ) : (
              0
            ),
        },
      ]}
    />
  );
}
