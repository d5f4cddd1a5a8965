import { Table, Tag, Tooltip } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RuleAgreement } from '../api/rule-agreement';
import type { SummaryItem, SummaryMachineRule } from '../api/summary';
import { percent } from './format';
import { machineGap } from '#shared/reports/machine-gap';

/**
 * Each automatic rule's fail rate over every call of the period next to the people's fail rate in the
 * sampled evaluations, with the sample's 95 % interval; a large, real gap is flagged. The sampled
 * failures open the evaluations that failed the item.
 */
export function MachineTable({
  machine,
  items,
  evaluationsOf,
  agreement,
}: {
  machine: readonly SummaryMachineRule[];
  items: readonly SummaryItem[];
  evaluationsOf: (code: string) => string;
  /** Per rule, blind agreement and the overturn rate of suggestions (for those who may read them). */
  agreement?: readonly RuleAgreement[];
}) {
  const { t } = useTranslation();
  const sampled = new Map(items.map((i) => [i.code, i]));
  const agreed = new Map((agreement ?? []).map((a) => [a.code, a]));
  const rows = machine.map((m) => ({ ...m, sampled: sampled.get(m.code), agreement: agreed.get(m.code), ...machineGap(m, sampled.get(m.code)) }));
  // Issue 15: the honest figure (blind) and the anchored one (suggested) side by side, each named.
  const agreementColumns = agreement
    ? [
        {
          title: <Tooltip title={t('dashboard.blindAgreementHelp')}>{t('dashboard.blindAgreement')}</Tooltip>,
          key: 'blind',
          align: 'right' as const,
          render: (_: unknown, row: (typeof rows)[number]) => {
            const p = row.agreement?.blind.agreement;
            return p?.of ? (
              <span data-testid={`dashboard-blind-${row.code}`}>
                {percent(p.rate)} ({p.count}/{p.of}) {percent(p.low)} ~ {percent(p.high)}
              </span>
            ) : (
              '—'
            );
          },
        },
        {
          title: <Tooltip title={t('dashboard.overturnedHelp')}>{t('dashboard.overturned')}</Tooltip>,
          key: 'overturned',
          align: 'right' as const,
          render: (_: unknown, row: (typeof rows)[number]) => {
            const p = row.agreement?.overturned;
            return p?.of ? <span data-testid={`dashboard-overturned-${row.code}`}>{`${percent(p.rate)} (${p.count}/${p.of})`}</span> : '—';
          },
        },
      ]
    : [];
  return (
    <Table
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="dashboard-machine"
      onRow={(row) => ({ 'data-testid': `dashboard-machine-${row.code}`, 'data-flagged': row.flagged ? '1' : '0' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('dashboard.rule'), dataIndex: 'code' },
        { title: t('dashboard.machineCalls'), dataIndex: 'calls', align: 'right' },
        { title: t('dashboard.machineFailRate'), key: 'machine', align: 'right', render: (_, row) => percent(row.machineRate) },
        {
          title: t('dashboard.sampledFailRate'),
          key: 'sampled',
          align: 'right',
          render: (_, row) =>
            row.sampled?.evaluated ? (
              <>
                {percent(row.sampledRate)} (
                {row.sampled.failures ? (
                  <Link to={evaluationsOf(row.code)} data-testid="dashboard-machine-sampled">
                    {row.sampled.failures}
                  </Link>
                ) : (
                  0
                )}{' '}
                / {row.sampled.evaluated})
              </>
            ) : (
              '—'
            ),
        },
        {
          title: t('dashboard.band'),
          key: 'interval',
          align: 'right',
          render: (_, row) => (row.sampledLow === null ? '—' : `${percent(row.sampledLow)} ~ ${percent(row.sampledHigh)}`),
        },
        {
          title: t('dashboard.gap'),
          key: 'gap',
          align: 'right',
          render: (_, row) =>
            row.gap === null ? (
              '—'
            ) : (
              <>
                {`${row.gap >= 0 ? '+' : ''}${(row.gap * 100).toFixed(1)}`}{' '}
                {row.flagged && (
                  <Tooltip title={t('dashboard.gapHelp')}>
                    <Tag color="red" data-testid="dashboard-machine-flag">
                      {t('dashboard.gapFlag')}
                    </Tag>
                  </Tooltip>
                )}
              </>
            ),
        },
        ...agreementColumns,
      ]}
    />
  );
}
