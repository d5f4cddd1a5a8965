import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { clock, VerdictTag } from './evaluation-labels';
import type { EvaluationDetails, EvaluationItem } from './types';

/** An evaluation's verdicts item by item, with the inspector's comments: the expanded row. */
export function EvaluationItems({ evaluation }: { evaluation: EvaluationDetails }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<EvaluationItem> = [
    { title: t('evaluations.item.code'), dataIndex: 'code', width: 110, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    {
      title: t('evaluations.item.title'),
      dataIndex: 'title',
      render: (title: string, item) => (
        <>
          {title} {item.critical && <Tag color="red">{t('evaluations.item.critical')}</Tag>}
        </>
      ),
    },
    { title: t('evaluations.item.verdict'), dataIndex: 'verdict', width: 90, render: (verdict: EvaluationItem['verdict']) => <VerdictTag verdict={verdict} /> },
    {
      title: t('evaluations.item.earned'),
      key: 'earned',
      width: 90,
      align: 'right',
      render: (_, item) => (item.verdict === 'na' ? '—' : `${item.earned ?? 0} / ${item.points}`),
    },
    { title: t('evaluations.item.auto'), dataIndex: 'autoVerdict', width: 100, render: (verdict: EvaluationItem['autoVerdict']) => <VerdictTag verdict={verdict} /> },
    {
      title: t('evaluations.item.at'),
      key: 'at',
      width: 110,
      render: (_, item) => (item.at === null ? '—' : item.until !== null ? `${clock(item.at)}–${clock(item.until)}` : clock(item.at)),
    },
    { title: t('evaluations.item.comment'), dataIndex: 'comment', render: (comment: string | null) => comment || '—' },
  ];
  return (
    <div data-testid="evaluation-items">
      {evaluation.comment && (
        <Typography.Paragraph>
          <Typography.Text strong>{t('evaluations.comment')}：</Typography.Text>
          {evaluation.comment}
        </Typography.Paragraph>
      )}
      <Table<EvaluationItem> rowKey="code" size="small" pagination={false} columns={columns} dataSource={evaluation.items} />
    </div>
  );
}
