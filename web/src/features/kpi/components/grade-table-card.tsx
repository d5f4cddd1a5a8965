import { Button, Card, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADE_ORDER, type GradeThreshold, nextQuarter } from '#shared/kpi/grades';
import type { AgentGrade } from '#shared/org';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { useCan } from '#web/lib/authorization';
import { useFeedback } from '#web/lib/feedback';
import { type GradeTable, useGradeTables, useSetGradeTable } from '../api/schemes';
import { currentQuarter, quartersFrom } from '../quarters';

/** The form edits success rates as percentages; the server keeps fractions. */
type Values = Record<AgentGrade, { minKpiScore: number; minCph: number; minSuccessPercent: number }>;

const toValues = (grades: GradeThreshold[]): Values =>
  Object.fromEntries(
    grades.map((g) => [g.grade, { minKpiScore: g.minKpiScore, minCph: g.minCph, minSuccessPercent: Math.round(g.minSuccessRate * 1000) / 10 }]),
  ) as Values;
const toGrades = (v: Values): GradeThreshold[] =>
  GRADE_ORDER.map((grade) => ({ grade, minKpiScore: v[grade].minKpiScore, minCph: v[grade].minCph, minSuccessRate: Math.round(v[grade].minSuccessPercent * 10) / 1000 }));

/** The table in force for a quarter: the latest version from that quarter or before, else the seed's. */
const inForceFor = (tables: GradeTable[], quarter: string) => tables.find((g) => g.fromQuarter !== null && g.fromQuarter <= quarter) ?? tables.at(-1)!;

/**
 * The grade table (DOMAIN.md "Grades and promotion"): the one the shown quarter is reviewed
 * against, every version set, and for a supervisor the table of a coming quarter. The quarter under
 * way keeps its table: a review never changes under its reader.
 */
export function GradeTableCard({ quarter, inForce }: { quarter: string; inForce: GradeTable | undefined }) {
  const { t } = useTranslation();
  const tables = useGradeTables();
  const save = useSetGradeTable();
  const feedback = useFeedback();
  const canEdit = useCan('kpi.gradeTable.edit');
  const coming = quartersFrom(nextQuarter(currentQuarter()), 4);
  const [fromQuarter, setFromQuarter] = useState(coming[0]);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const grade = (g: AgentGrade) => t(`agents.grades.${g}`);

  const columns: ColumnsType<GradeThreshold> = [
    { title: t('kpi.gradeTable.grade'), key: 'grade', render: (_, r) => grade(r.grade) },
    { title: t('kpi.gradeTable.minKpiScore'), dataIndex: 'minKpiScore' },
    { title: t('kpi.gradeTable.minCph'), dataIndex: 'minCph' },
    { title: t('kpi.gradeTable.minSuccessRate'), key: 'rate', render: (_, r) => `${Math.round(r.minSuccessRate * 1000) / 10} %` },
  ];
  const startEditing = (quarter: string) => {
    setFromQuarter(quarter);
    form.setFieldsValue(toValues(inForceFor(tables.data?.items ?? [], quarter)?.grades ?? inForce?.grades ?? []));
    setEditing(true);
  };
  const cell = (g: AgentGrade, key: 'minKpiScore' | 'minCph' | 'minSuccessPercent', max: number, suffix?: string) => (
    <Form.Item name={[g, key]} noStyle rules={[{ required: true }]}>
      <InputNumber data-testid={`grade-${g}-${key}`} min={0} max={max} step={key === 'minCph' ? 0.5 : 1} suffix={suffix} style={{ width: 110 }} />
    </Form.Item>
  );

  return (
    <Card title={t('kpi.gradeTable.title')} data-testid="kpi-grade-table">
      {inForce && (
        <>
          <Typography.Paragraph data-testid="grade-table-in-force">
            {inForce.version === 0
              ? t('kpi.gradeTable.seed', { quarter })
              : t('kpi.gradeTable.version', { quarter, version: inForce.version, from: inForce.fromQuarter, by: inForce.createdBy })}
          </Typography.Paragraph>
          <Table<GradeThreshold> rowKey="grade" size="small" columns={columns} dataSource={inForce.grades} pagination={false} />
        </>
      )}
      {tables.data && tables.data.items.length > 1 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="grade-table-history">
          {t('kpi.gradeTable.history')}
          {tables.data.items
            .filter((g) => g.version > 0)
            .map((g) => t('kpi.gradeTable.historyItem', { version: g.version, quarter: g.fromQuarter, by: g.createdBy }))
            .join(t('common.listSeparator'))}
        </Typography.Paragraph>
      )}
      {canEdit && !editing && (
        <Button data-testid="grade-table-edit" style={{ marginTop: 12 }} onClick={() => startEditing(coming[0])} disabled={!tables.data}>
          {t('kpi.gradeTable.edit')}
        </Button>
      )}
      {canEdit && editing && (
        <Form
          form={form}
          style={{ marginTop: 16 }}
          onFinish={(values) =>
            save.mutate(
              { fromQuarter, grades: toGrades(values) },
              {
                onSuccess: () => {
                  feedback.onSuccess();
                  setEditing(false);
                },
              },
            )
          }
        >
          <Space style={{ marginBottom: 12 }}>
            <Typography.Text>{t('kpi.gradeTable.fromQuarter')}</Typography.Text>
            <Select
              data-testid="grade-table-from"
              value={fromQuarter}
              style={{ width: 140 }}
              options={coming.map((q) => ({ value: q, label: q }))}
              onChange={startEditing}
            />
          </Space>
          <Typography.Paragraph type="secondary">{t('kpi.gradeTable.editHint', { quarter: currentQuarter() })}</Typography.Paragraph>
          <table style={{ borderSpacing: 8 }}>
            <thead>
              <tr>
                <th />
                <th>{t('kpi.gradeTable.minKpiScore')}</th>
                <th>{t('kpi.gradeTable.minCph')}</th>
                <th>{t('kpi.gradeTable.minSuccessRate')}</th>
              </tr>
            </thead>
            <tbody>
              {GRADE_ORDER.map((g) => (
                <tr key={g}>
                  <td>{grade(g)}</td>
                  <td>{cell(g, 'minKpiScore', 100)}</td>
                  <td>{cell(g, 'minCph', 1000)}</td>
                  <td>{cell(g, 'minSuccessPercent', 100, '%')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ServerErrorAlert error={save.error} />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="grade-table-save">
              {t('kpi.gradeTable.save', { quarter: fromQuarter })}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
