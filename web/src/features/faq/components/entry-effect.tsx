import { Card, Empty, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useActiveChecklist } from '#web/api/checklists';
import { LoadError } from '#web/components/errors/load-error';
import { FailureRate, FailureRateVerdict } from '#web/components/failure-rate';
import { type FaqEffectItem, useFaqEffect } from '../api/faq-entries';

const percent = (failures: number, evaluated: number) => (evaluated ? `${((failures / evaluated) * 100).toFixed(0)} %` : '—');

/**
 * "Did it help?" (issue 14): for the items the calls that prompted the entry failed, the item's
 * failure rate in their project over the weeks before publishing and the weeks since, with the
 * weekly figures behind them, judged interval against interval.
 */
export function EntryEffect({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const effect = useFaqEffect(entryId, true);
  const titles = useActiveChecklist((checklist) => new Map(checklist.sections.flatMap((section) => section.items.map((item) => [item.code, item.title]))));
  if (effect.isError) return <LoadError error={effect.error} onRetry={() => void effect.refetch()} />;
  const data = effect.data;
  return (
    <Card size="small" title={t('faq.effect.title')} style={{ marginTop: 16 }} loading={effect.isPending} data-testid="faq-effect">
      {data && data.publishedOn === null ? (
        <Empty description={t('faq.effect.notPublished')} />
      ) : data && data.items.length === 0 ? (
        <Empty description={t('faq.effect.noPrompts')} />
      ) : data ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('faq.effect.help', { version: data.publishedVersion, on: data.publishedOn, weeks: data.windowWeeks })}
          </Typography.Paragraph>
          <Table<FaqEffectItem>
            rowKey={(r) => `${r.project}-${r.code}`}
            size="small"
            pagination={false}
            dataSource={data.items}
            expandable={{ expandedRowRender: (r) => <Weeks item={r} /> }}
            columns={[
              { title: t('faq.effect.item'), key: 'item', render: (_, r) => `${r.code} ${titles.data?.get(r.code) ?? ''}` },
              { title: t('faq.effect.project'), dataIndex: 'project' },
              { title: t('faq.effect.calls'), dataIndex: 'calls' },
              { title: t('faq.effect.before', { weeks: data.windowWeeks }), key: 'before', render: (_, r) => <FailureRate value={r.before} /> },
              { title: t('faq.effect.after'), key: 'after', render: (_, r) => <FailureRate value={r.after} /> },
              {
                title: <Tooltip title={t('failureRate.verdictHelp')}>{t('faq.effect.verdict')}</Tooltip>,
                key: 'verdict',
                render: (_, r) => <FailureRateVerdict verdict={r.verdict} testId={`faq-effect-verdict-${r.code}`} />,
              },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}

function Weeks({ item }: { item: FaqEffectItem }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="week"
      size="small"
      pagination={false}
      dataSource={item.weeks}
      data-testid="faq-effect-weeks"
      columns={[
        {
          title: t('faq.effect.week'),
          key: 'week',
          render: (_, w) => (w.week < 0 ? t('faq.effect.weekBefore', { n: -w.week, from: w.from }) : t('faq.effect.weekSince', { n: w.week + 1, from: w.from })),
        },
        { title: t('faq.effect.evaluated'), dataIndex: 'evaluated' },
        { title: t('faq.effect.failures'), dataIndex: 'failures' },
        { title: t('faq.effect.rate'), key: 'rate', render: (_, w) => percent(w.failures, w.evaluated) },
      ]}
    />
  );
}
