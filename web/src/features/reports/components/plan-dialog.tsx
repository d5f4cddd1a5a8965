import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '#web/lib/errors';
import { type ProblemPeriod, type ProblemPlan, useSavePlan } from '../api/problems';

interface Values {
  text: string;
  owner: string;
  due: Dayjs;
}

/** Writes the improvement plan of one common problem of a team for the period shown. */
export function PlanDialog({
  target,
  onClose,
}: {
  target: { team: string; code: string; period: ProblemPeriod; from: string; plan?: ProblemPlan } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePlan();

  const submit = (values: Values) => {
    if (!target) return;
    save.mutate(
      {
        team: target.team,
        code: target.code,
        period: target.period,
        from: target.from,
        text: values.text.trim(),
        owner: values.owner.trim(),
        due: values.due.format('YYYY-MM-DD'),
        ...(target.plan ? { revision: target.plan.revision } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('problems.plan.saved'));
          onClose();
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  return (
    <Modal
      open={!!target}
      title={target ? t('problems.plan.title', { team: target.team, code: target.code }) : undefined}
      okText={t('problems.plan.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
      data-testid="plan-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={target?.plan ? { text: target.plan.text, owner: target.plan.owner, due: dayjs(target.plan.due) } : undefined}
      >
        <Form.Item name="text" label={t('problems.plan.text')} rules={[{ required: true, whitespace: true, message: t('problems.plan.textRequired') }]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="plan-text" />
        </Form.Item>
        <Form.Item name="owner" label={t('problems.plan.owner')} rules={[{ required: true, whitespace: true, message: t('problems.plan.ownerRequired') }]}>
          <Input maxLength={64} data-testid="plan-owner" />
        </Form.Item>
        <Form.Item name="due" label={t('problems.plan.due')} rules={[{ required: true, message: t('problems.plan.dueRequired') }]}>
          <DatePicker data-testid="plan-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
