import { Alert, Card, Descriptions, Empty, Space, Spin, Table, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { type ConsistencyBucket, type ConsistencyShare, type InspectorRuleAgreement, useInspectorConsistency } from '../api/inspector-consistency';
import { Deviation } from '../components/deviation';
import { percent, score } from '../components/format';
import { listProject, PeriodPicker, useDashboardState } from '../components/period-picker';
import { bucketLabel } from '../components/trend-chart';

/** Below this many items compared, an agreement rate is shown but called too thin to judge on. */
const MIN_ITEMS = 20;

/**
 * One inspector's own work (DOMAIN.md 5.4: the supervisor supervises the inspectors): the scores given
 * against the other inspectors' on similar calls (same business type, direction and length band), the
 * spread, the amendments received and the agreement with each automatic rule, over the dashboard's
 * period and week by week (month by month beyond a quarter).
 */
export function DashboardInspectorRoute() {
  const { t } = useTranslation();
  const { inspector = '' } = useParams();
  const state = useDashboardState();
  const { project, period } = state;
  const figures = useInspectorConsistency(project ? { project, inspector, from: period.from, to: period.to } : undefined);
  const data = figures.data;
  const evaluationsHref = (range: { from: string; to: string }, amended?: boolean) =>
    paths.evaluations.getHref({ ...range, project: listProject(project), inspector, amended, calibration: false });

  return (
    <>
      <PageHeader
        title={<span data-testid="consistency-title">{t('consistency.title', { inspector: data ? `${data.name} (${inspector})` : inspector })}</span>}
        extra={
          <Space wrap>
            <Link to={paths.dashboard.getHref(state.query)} data-testid="consistency-back">
              {t('dashboard.backToDashboard')}
            </Link>
            <PeriodPicker state={state} />
          </Space>
        }
      />
      {!project ? (
        <Empty description={t('dashboard.pickProject')} />
      ) : figures.isError ? (
        <LoadError error={figures.error} onRetry={() => figures.refetch()} />
      ) : !data ? (
        <Spin />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('consistency.explain', { from: period.from, to: period.to })}</Typography.Text>
          <Card title={t('consistency.period')}>
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} data-testid="consistency-totals">
              <Descriptions.Item label={t('dashboard.evaluations')}>
                <Link to={evaluationsHref(period)} data-testid="consistency-evaluations" data-value={data.totals.evaluations}>
                  {data.totals.evaluations}
                </Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('dashboard.averageScore')}>{score(data.totals.averageScore)}</Descriptions.Item>
              <Descriptions.Item label={t('dashboard.spread')}>{score(data.totals.scoreSpread)}</Descriptions.Item>
              <Descriptions.Item label={t('consistency.peerSpread')}>{score(data.totals.peerSpread)}</Descriptions.Item>
              <Descriptions.Item label={t('consistency.similarDeviation')}>
                <Deviation value={data.totals.similarDeviation} testId="consistency-deviation" />
              </Descriptions.Item>
              <Descriptions.Item label={t('consistency.compared')}>
                <span data-testid="consistency-compared">{t('consistency.comparedOf', { compared: data.totals.compared, total: data.totals.evaluations })}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('dashboard.amendments')}>
                {data.totals.amendments ? (
                  <Link to={evaluationsHref(period, true)} data-testid="consistency-amendments" data-value={data.totals.amendments}>
                    {data.totals.amendments}
                  </Link>
                ) : (
                  0
                )}
              </Descriptions.Item>
              <Descriptions.Item label={<Tooltip title={t('consistency.calibrationHint')}>{t('consistency.calibration')}</Tooltip>}>
                <span data-testid="consistency-calibration" data-value={data.totals.calibration.rate ?? ''}>
                  {t('consistency.calibrationOf', {
                    rate: percent(data.totals.calibration.rate),
                    count: data.totals.calibration.count,
                    total: data.totals.calibration.total,
                    sessions: data.totals.calibration.sessions,
                  })}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('consistency.disputes')}>
                <span data-testid="consistency-disputes" data-value={data.totals.disputes.upheldItems}>
                  {t('consistency.disputesOf', {
                    upheld: data.totals.disputes.upheldItems,
                    disputed: data.totals.disputes.disputedItems,
                    rate: data.totals.disputes.upheldRate === null ? '—' : `${(data.totals.disputes.upheldRate * 100).toFixed(1)}%`,
                  })}
                </span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t(data.bucket === 'week' ? 'consistency.byWeek' : 'consistency.byMonth')}>
            <Table<ConsistencyBucket>
              rowKey="from"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={data.trend}
              data-testid="consistency-trend"
              onRow={(row) => ({ 'data-testid': `consistency-bucket-${row.from}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('consistency.bucket'), key: 'bucket', render: (_, row) => bucketLabel(data.bucket, row) },
                {
                  title: t('dashboard.evaluations'),
                  dataIndex: 'evaluations',
                  align: 'right',
                  render: (value: number, row) => (value ? <Link to={evaluationsHref(row)}>{value}</Link> : 0),
                },
                { title: t('dashboard.averageScore'), dataIndex: 'averageScore', align: 'right', render: (value: number | null) => score(value) },
                { title: t('dashboard.spread'), dataIndex: 'scoreSpread', align: 'right', render: (value: number | null) => score(value) },
                {
                  title: t('consistency.similarDeviation'),
                  dataIndex: 'similarDeviation',
                  align: 'right',
                  render: (value: number | null) => <Deviation value={value} testId="consistency-bucket-deviation" />,
                },
                { title: t('consistency.compared'), dataIndex: 'compared', align: 'right' },
                { title: t('dashboard.amendments'), dataIndex: 'amendments', align: 'right' },
              ]}
            />
          </Card>
          <Card title={t('consistency.rules')}>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('consistency.rulesExplain')} />
            <Table<InspectorRuleAgreement>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={data.rules}
              data-testid="consistency-rules"
              locale={{ emptyText: t('consistency.noRules') }}
              onRow={(row) => ({ 'data-testid': `consistency-rule-${row.code}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('consistency.rule'), dataIndex: 'code' },
                { title: t('consistency.itemsCompared'), dataIndex: 'evaluated', align: 'right' },
                {
                  title: t('consistency.blindAgreement'),
                  key: 'blind',
                  align: 'right',
                  render: (_, row) => <ShareCell share={row.blind} testId="consistency-rule-blind" />,
                },
                {
                  title: t('consistency.overturned'),
                  key: 'overturned',
                  align: 'right',
                  render: (_, row) => <ShareCell share={row.overturned} testId="consistency-rule-overturned" />,
                },
                {
                  title: t('consistency.allAgreement'),
                  key: 'rate',
                  align: 'right',
                  render: (_, row) => (
                    <Typography.Text type="secondary" data-testid="consistency-rule-rate" data-value={row.rate ?? ''}>
                      {percent(row.rate)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}

export default DashboardInspectorRoute;

/** A share with its 95 % interval and what it is out of; called too thin below MIN_ITEMS. */
function ShareCell({ share, testId }: { share: ConsistencyShare; testId: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId} data-value={share.rate ?? ''} data-total={share.total}>
      {percent(share.rate)}
      {share.low !== null && share.high !== null && ` (${percent(share.low)} ~ ${percent(share.high)})`}
      <Typography.Text type="secondary">{` ${t('consistency.shareOf', { count: share.count, total: share.total })}`}</Typography.Text>
      {share.total > 0 && share.total < MIN_ITEMS && <Typography.Text type="secondary">{` ${t('consistency.thin')}`}</Typography.Text>}
    </span>
  );
}
