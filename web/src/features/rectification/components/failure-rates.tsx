import { Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemFailureRate, RateInterval, RectificationVerdict } from '../api/notices';

const VERDICT_COLORS: Record<RectificationVerdict, string> = { improved: 'green', 'not-enough-calls': 'default', 'no-change': 'orange', worse: 'red' };

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

/** A failure rate with its 95 % Wilson interval, as the server computed it. */
function Rate({ value }: { value: RateInterval }) {
  const { t } = useTranslation();
  if (value.calls === 0) return <Typography.Text type="secondary">{t('rectification.noCalls')}</Typography.Text>;
  return <>{t('rectification.rate', { rate: percent(value.rate), failures: value.failures, calls: value.calls, low: percent(value.low), high: percent(value.high) })}</>;
}

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
        { title: t('rectification.before'), key: 'before', render: (_, r) => <Rate value={r.before} /> },
        { title: t('rectification.since'), key: 'since', render: (_, r) => <Rate value={r.since} /> },
        {
          title: <Tooltip title={t('rectification.verdictHelp')}>{t('rectification.verdict')}</Tooltip>,
          dataIndex: 'verdict',
          render: (verdict: RectificationVerdict, r) => (
            <Tag color={VERDICT_COLORS[verdict]} data-testid={`notice-verdict-${r.code}`}>
              {t(`rectification.verdicts.${verdict}`)}
            </Tag>
          ),
        },
      ]}
    />
  );
}
