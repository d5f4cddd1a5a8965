import { Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, ChecklistSection } from '#shared/checklists/types';
import { ruleText } from './rule-text';

/** A version read-only, section by section: what each item is worth and how it is checked. */
export function ChecklistView({ sections }: { sections: readonly ChecklistSection[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ChecklistItem> = [
    { title: t('checklists.fields.code'), dataIndex: 'code', width: 110, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    { title: t('checklists.fields.title'), dataIndex: 'title', width: 200 },
    {
      title: t('checklists.fields.guidance'),
      dataIndex: 'guidance',
      width: 260,
      render: (guidance?: string) => (guidance ? <Typography.Text type="secondary">{guidance}</Typography.Text> : '—'),
    },
    {
      title: t('checklists.fields.scoringNote'),
      dataIndex: 'scoringNote',
      width: 220,
      render: (note?: string) => (note ? <Typography.Text type="secondary">{note}</Typography.Text> : '—'),
    },
    { title: t('checklists.fields.points'), dataIndex: 'points', width: 70, align: 'right' },
    {
      title: t('checklists.fields.critical'),
      dataIndex: 'critical',
      width: 80,
      render: (critical: boolean) => (critical ? <Tag color="red">{t('checklists.critical')}</Tag> : t('checklists.no')),
    },
    { title: t('checklists.fields.allowNa'), dataIndex: 'allowNa', width: 90, render: (allowNa: boolean) => (allowNa ? t('checklists.yes') : t('checklists.no')) },
    {
      title: t('checklists.fields.knowledge'),
      dataIndex: 'knowledge',
      width: 90,
      render: (knowledge?: boolean) => (knowledge ? <Tag color="purple">{t('checklists.knowledge')}</Tag> : t('checklists.no')),
    },
    {
      title: t('checklists.fields.rule'),
      key: 'rule',
      // The remaining width; long phrase lists wrap.
      render: (_, item) =>
        item.rule ? (
          <span data-testid="rule-text">
            <Tag color="blue">{t('checklists.auto')}</Tag>
            {ruleText(item.rule, t)}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('checklists.rules.none')}</Typography.Text>
        ),
    },
  ];
  return (
    <>
      {sections.map((section, s) => (
        <Card
          key={s}
          size="small"
          style={{ marginBottom: 16 }}
          title={section.title}
          extra={t('checklists.sectionTotal', { count: section.items.length, points: section.items.reduce((sum, item) => sum + item.points, 0) })}
          data-testid={`checklist-section-${s}`}
        >
          <Table<ChecklistItem>
            rowKey="code"
            size="small"
            pagination={false}
            scroll={{ x: 1100 }}
            columns={columns}
            dataSource={section.items}
            onRow={(item) => ({ 'data-testid': `checklist-item-${item.code}` }) as HTMLAttributes<HTMLElement>}
          />
        </Card>
      ))}
    </>
  );
}
