import { DatePicker, Space, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proportion } from '#shared/api/autocheck';
import { LoadError } from '#web/components/errors/load-error';
import { type RuleAgreement, useAgreement } from '../api/agreement';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** A rate with its count and 95 % interval, e.g. "92.0% (23/25) 75.0%~97.8%". */
function ProportionCell({ p, testId }: { p: Proportion; testId: string }) {
  if (!p.of) return <span data-testid={testId}>—</span>;
  return (
    <span data-testid={testId} data-rate={p.rate ?? ''}>
      {pct(p.rate)} ({p.count}/{p.of})
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pct(p.low)} ~ {pct(p.high)}
      </Typography.Text>
    </span>
  );
}

/**
 * Whether the automatic checks can be trusted, rule by rule, measured honestly (issue 15): agreement,
 * precision and recall come from blind evaluations only (the machine's verdict unseen until submit),
 * each with its 95 % interval; where the verdict was shown as a suggestion, only how often it was
 * overturned, which anchoring keeps low and is no measure of accuracy.
 */
export function AgreementTable({ titles }: { titles: Record<string, string> }) {
  const { t } = useTranslation();
  const [range, setRange] = useState({ from: dayjs().subtract(29, 'day').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') });
  const agreement = useAgreement(range);
  const header = (title: string, help: string) => (
    <Tooltip title={help}>
      <span style={{ cursor: 'help', borderBottom: '1px dotted' }}>{title}</span>
    </Tooltip>
  );
  const columns: TableColumnsType<RuleAgreement> = [
    { title: t('checklists.agreement.rule'), dataIndex: 'code', render: (code: string) => `${titles[code] ?? code} (${code})` },
    {
      title: t('checklists.agreement.blindGroup'),
      children: [
        { title: t('checklists.agreement.blindEvaluated'), key: 'blindN', align: 'right', render: (_, r) => r.blind.agreement.of },
        {
          title: header(t('checklists.agreement.blindRate'), t('checklists.agreement.blindRateHelp')),
          key: 'blindRate',
          render: (_, r) => <ProportionCell p={r.blind.agreement} testId={`agreement-blind-${r.code}`} />,
        },
        {
          title: header(t('checklists.agreement.precision'), t('checklists.agreement.precisionHelp')),
          key: 'precision',
          render: (_, r) => <ProportionCell p={r.blind.precision} testId={`agreement-precision-${r.code}`} />,
        },
        {
          title: header(t('checklists.agreement.recall'), t('checklists.agreement.recallHelp')),
          key: 'recall',
          render: (_, r) => <ProportionCell p={r.blind.recall} testId={`agreement-recall-${r.code}`} />,
        },
      ],
    },
    {
      title: t('checklists.agreement.suggestedGroup'),
      children: [
        { title: t('checklists.agreement.suggestedEvaluated'), key: 'suggestedN', align: 'right', render: (_, r) => r.overturned.of },
        {
          title: header(t('checklists.agreement.overturned'), t('checklists.agreement.overturnedHelp')),
          key: 'overturned',
          render: (_, r) => <ProportionCell p={r.overturned} testId={`agreement-overturned-${r.code}`} />,
        },
      ],
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="autocheck-agreement">
      <Typography.Paragraph type="secondary">{t('checklists.agreement.help')}</Typography.Paragraph>
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(range.from), dayjs(range.to)]}
        onChange={(dates) => dates?.[0] && dates[1] && setRange({ from: dates[0].format('YYYY-MM-DD'), to: dates[1].format('YYYY-MM-DD') })}
      />
      {agreement.isError ? (
        <LoadError error={agreement.error} onRetry={() => void agreement.refetch()} />
      ) : (
        <Table<RuleAgreement>
          rowKey="code"
          size="small"
          bordered
          pagination={false}
          loading={agreement.isPending}
          columns={columns}
          dataSource={agreement.data?.items ?? []}
          onRow={(r) => ({ 'data-testid': `agreement-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
        />
      )}
    </Space>
  );
}
