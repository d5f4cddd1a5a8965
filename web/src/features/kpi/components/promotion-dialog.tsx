import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPROVAL_STEPS, gradeRank } from '#shared/kpi/grades';
import { AGENT_GRADES, type AgentGrade } from '#shared/org';
import { errorMessage } from '#web/lib/errors';
import { type ApplyInput, useApplyPromotion } from '../api/promotions';
import type { KpiGradeItem } from '../api/kpi';

/** Apply for the agent's promotion from the review: the grade, why, and the four approvers by username, in turn. */
export function PromotionDialog({ item, quarter, onClose }: { item: KpiGradeItem | null; quarter: string; onClose: () => void }) {
  const { t } = useTranslation();
  const apply = useApplyPromotion();
  const [form] = Form.useForm<Omit<ApplyInput, 'agent' | 'quarter'>>();
  if (!item) return null;
  const higher = AGENT_GRADES.filter((g) => gradeRank(g) > gradeRank(item.grade));
  const initial = item.eligible && higher.includes(item.eligible) ? item.eligible : higher[0];
  const close = () => {
    apply.reset();
    onClose();
  };
  return (
    <Modal
      open
      destroyOnHidden
      title={t('kpi.applyTitle', { name: item.agentName, agent: item.agent })}
      okText={t('kpi.applySubmit')}
      okButtonProps={{ 'data-testid': 'promotion-submit', loading: apply.isPending } as never}
      onCancel={close}
      onOk={() =>
        void form.validateFields().then((values) => apply.mutate({ ...values, agent: item.agent, quarter, reason: values.reason || undefined }, { onSuccess: close }))
      }
    >
      <Form form={form} layout="vertical" initialValues={{ toGrade: initial }}>
        <Form.Item name="toGrade" label={t('kpi.toGrade')} rules={[{ required: true }]}>
          <Select<AgentGrade> data-testid="promotion-grade" options={higher.map((g) => ({ value: g, label: t(`agents.grades.${g}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('kpi.reason')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="promotion-reason" />
        </Form.Item>
        {APPROVAL_STEPS.map((step) => (
          <Form.Item key={step} name={['approvers', step]} label={t(`kpi.steps.${step}`)} rules={[{ required: true, message: t('kpi.approverRequired') }]}>
            <Input data-testid={`promotion-approver-${step}`} placeholder={t('kpi.approverPlaceholder')} />
          </Form.Item>
        ))}
      </Form>
      {apply.isError && <Alert type="error" showIcon title={errorMessage(apply.error, t)} data-testid="promotion-error" />}
    </Modal>
  );
}
