import { Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { FailureRate, FailureRateVerdict } from '#web/components/failure-rate';
import type { ItemFailureRate, RectificationVerdict } from '../api/notices';
/**
 * Per item, the team's failure rate before the notice and since re-checking, and the server's verdict
 * (`failureRates` of the notice): "improved" only when the intervals no longer overlap.
 */
export function FailureRates({ rates, titles }: { rates: ItemFailureRate[]; titles: Map<string, string> }) {
  const { t } = useTranslation();
  return (
    <Table<ItemFailureRate>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={rates}
      data-testid="notice-rates"
      columns={[
        { title: t('rectification.rateItem'), dataIndex: 'code', render: (code: string) => `${code} ${titles.get(code) ?? ''}` },
        { title: t('rectification.before'), key: 'before', render: (_, r) => <FailureRate value={r.before} /> },
        { title: t('rectification.since'), key: 'since', render: (_, r) => <FailureRate value={r.since} /> },
        {
          title: <Tooltip title={t('failureRate.verdictHelp')}>{t('rectification.verdict')}</Tooltip>,
          dataIndex: 'verdict',
          render: (verdict: RectificationVerdict, r) => <FailureRateVerdict verdict={verdict} testId={`notice-verdict-${r.code}`} />,
        },
      ]}
    />
  );
}
