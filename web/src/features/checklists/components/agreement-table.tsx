import { DatePicker, Progress, Space, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '#web/components/errors/load-error';
import { type RuleAgreement, useAgreement } from '../api/agreement';

/**
 * Whether the automatic checks can be trusted, rule by rule: of the submitted evaluations where the
 * machine gave a verdict, how many kept it. A rule inspectors keep overriding needs its phrases or
 * thresholds looked at.
 */
export function AgreementTable({ titles }: { titles: Record<string, string> }) {
  const { t } = useTranslation();
  const [range, setRange] = useState({ from: dayjs().subtract(29, 'day').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') });
  const agreement = useAgreement(range);
  const columns: TableColumnsType<RuleAgreement> = [
    { title: t('checklists.agreement.rule'), dataIndex: 'code', render: (code: string) => `${titles[code] ?? code} (${code})` },
    { title: t('checklists.agreement.evaluated'), dataIndex: 'evaluated', align: 'right' },
    { title: t('checklists.agreement.overridden'), dataIndex: 'overridden', align: 'right' },
    {
      title: t('checklists.agreement.rate'),
      dataIndex: 'agreement',
      width: 260,
      render: (rate: number | null) =>
        rate === null ? '—' : <Progress percent={Math.round(rate * 1000) / 10} size="small" status={rate < 0.8 ? 'exception' : 'normal'} />,
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
        <Table<RuleAgreement> rowKey="code" size="small" pagination={false} loading={agreement.isPending} columns={columns} dataSource={agreement.data?.items ?? []} />
      )}
    </Space>
  );
}
