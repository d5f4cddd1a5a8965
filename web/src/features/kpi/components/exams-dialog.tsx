import { Button, DatePicker, Form, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Exam, GradeChange } from '#shared/api/kpi';
import { examRequiredFor } from '#shared/kpi/grades';
import type { AgentGrade } from '#shared/org';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { useCan } from '#web/lib/authorization';
import { useFeedback } from '#web/lib/feedback';
import type { KpiGradeItem } from '../api/kpi';
import { type ExamInput, useExams, useGradeHistory, useRecordExam } from '../api/promotions';

type Values = Omit<ExamInput, 'agent' | 'date'> & { date: Dayjs };

/**
 * An agent's exams and grade history (seed 一(四): intern needs the new-hire exam passed, C the
 * probation exam); a supervisor records a trainer's result here.
 */
export function ExamsDialog({ item, onClose }: { item: KpiGradeItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const exams = useExams(item?.agent);
  const history = useGradeHistory(item?.agent);
  const record = useRecordExam();
  const feedback = useFeedback();
  const canRecord = useCan('kpi.exam.record');
  const [form] = Form.useForm<Values>();
  if (!item) return null;
  const grade = (g: AgentGrade) => t(`agents.grades.${g}`);
  const next = (['intern', 'C', 'B', 'A'] as AgentGrade[]).find((g) => examRequiredFor(g) && !exams.data?.items.some((e) => e.passed && e.kind === examRequiredFor(g)));
  return (
    <Modal open destroyOnHidden width={720} footer={null} title={t('kpi.exams.title', { name: item.agentName, agent: item.agent })} onCancel={onClose}>
      <Typography.Paragraph type="secondary">{t('kpi.exams.rule')}</Typography.Paragraph>
      <Table<Exam>
        data-testid="kpi-exams"
        rowKey="id"
        size="small"
        pagination={false}
        loading={exams.isPending}
        dataSource={exams.data?.items ?? []}
        locale={{ emptyText: t('kpi.exams.none') }}
        columns={[
          { title: t('kpi.exams.kind'), key: 'kind', render: (_, e) => t(`kpi.exams.kinds.${e.kind}`) },
          { title: t('kpi.exams.date'), dataIndex: 'date' },
          { title: t('kpi.exams.score'), dataIndex: 'score' },
          {
            title: t('kpi.exams.result'),
            key: 'passed',
            render: (_, e) => <Tag color={e.passed ? 'green' : 'red'}>{e.passed ? t('kpi.exams.passed') : t('kpi.exams.failed')}</Tag>,
          },
          { title: t('kpi.exams.recordedBy'), dataIndex: 'recordedBy' },
        ]}
      />
      {canRecord && (
        <Form<Values>
          form={form}
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          initialValues={{ kind: next ? examRequiredFor(next) : 'probation', passed: true }}
          onFinish={(v) =>
            record.mutate(
              { agent: item.agent, kind: v.kind, date: v.date.format('YYYY-MM-DD'), score: v.score, passed: v.passed },
              {
                onSuccess: () => {
                  feedback.onSuccess();
                  form.resetFields(['date', 'score']);
                },
              },
            )
          }
        >
          <Form.Item name="kind" rules={[{ required: true }]}>
            <Select
              data-testid="exam-kind"
              style={{ width: 150 }}
              options={(['new-hire', 'probation'] as const).map((k) => ({ value: k, label: t(`kpi.exams.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="date" rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker data-testid="exam-date" placeholder={t('kpi.exams.date')} />
          </Form.Item>
          <Form.Item name="score" rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber data-testid="exam-score" min={0} max={100} placeholder={t('kpi.exams.score')} />
          </Form.Item>
          <Form.Item name="passed" valuePropName="checked" label={t('kpi.exams.passed')}>
            <Switch data-testid="exam-passed" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="exam-save">
            {t('kpi.exams.record')}
          </Button>
        </Form>
      )}
      <ServerErrorAlert error={record.error} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('kpi.exams.history')}
      </Typography.Title>
      {history.data?.items.length ? (
        <Space orientation="vertical" size={2} data-testid="kpi-grade-history">
          {history.data.items.map((c: GradeChange, k) => (
            <Typography.Text key={k}>{t('kpi.exams.change', { from: grade(c.fromGrade), to: grade(c.toGrade), date: c.effectiveOn, by: c.changedBy })}</Typography.Text>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('kpi.exams.noChanges')}</Typography.Text>
      )}
    </Modal>
  );
}
