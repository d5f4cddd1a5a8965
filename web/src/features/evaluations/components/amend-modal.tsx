import { Button, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '#web/lib/errors';
import { type AmendInput, useAmendEvaluation } from '../api/evaluation';
import type { Evaluation, Verdict } from '../api/types';
import type { FormItem } from './form-model';

interface Values {
  reason: string;
  items: { code?: string; verdict?: Verdict; comment?: string }[];
}

interface Props {
  open: boolean;
  evaluation: Evaluation;
  items: readonly FormItem[];
  /** The item selected in the form: the first line of the amendment. */
  selectedCode: string | null;
  onClose(): void;
}

/** A supervisor corrects a submitted evaluation: a reason (required) and the items to change; both states are kept. */
export function AmendModal({ open, evaluation, items, selectedCode, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const amend = useAmendEvaluation();
  const byCode = new Map(items.map((i) => [i.code, i]));
  const current = new Map(evaluation.items.map((i) => [i.code, i]));
  const first = selectedCode ? current.get(selectedCode) : undefined;

  const submit = (values: Values) => {
    const input: AmendInput = {
      id: evaluation.id,
      reason: values.reason.trim(),
      items: values.items.map((i) => {
        const before = current.get(i.code!);
        const comment = i.comment?.trim();
        return {
          code: i.code!,
          verdict: i.verdict!,
          ...(comment ? { comment } : {}),
          ...(i.verdict === 'fail' && before?.at !== null && before?.at !== undefined ? { at: before.at } : {}),
        };
      }),
    };
    amend.mutate(input, {
      onSuccess: () => {
        form.resetFields();
        onClose();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('workspace.amendTitle')}
      onCancel={onClose}
      okText={t('workspace.amendSave')}
      okButtonProps={{ 'data-testid': 'amend-save', loading: amend.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ reason: '', items: [{ code: first?.code, verdict: first?.verdict ?? undefined, comment: first?.comment ?? '' }] }}
        data-testid="amend-form"
      >
        <Form.Item
          name="reason"
          label={t('workspace.amendReason')}
          rules={[
            { required: true, whitespace: true, message: t('workspace.amendReasonRequired') },
            { min: 4, message: t('workspace.amendReasonShort') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="amend-reason" placeholder={t('workspace.amendReasonPlaceholder')} />
        </Form.Item>
        <Form.List
          name="items"
          rules={[{ validator: async (_, value: unknown[]) => (value?.length ? undefined : Promise.reject(new Error(t('workspace.amendItemsRequired')))) }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'code']} rules={[{ required: true, message: t('workspace.chooseItem') }]} style={{ flex: 1, minWidth: 0 }}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={t('workspace.chooseItem')}
                      options={items.map((i) => ({ value: i.code, label: `${i.code} ${i.title}` }))}
                      onChange={(code: string) => {
                        const before = current.get(code);
                        form.setFieldValue(['items', field.name, 'verdict'], before?.verdict ?? undefined);
                        form.setFieldValue(['items', field.name, 'comment'], before?.comment ?? '');
                      }}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const code = form.getFieldValue(['items', field.name, 'code']) as string | undefined;
                      const allowNa = code ? (byCode.get(code)?.allowNa ?? false) : false;
                      return (
                        <Form.Item name={[field.name, 'verdict']} rules={[{ required: true, message: t('workspace.chooseVerdict') }]}>
                          <Radio.Group optionType="button" buttonStyle="solid" size="middle">
                            <Radio.Button value="pass">{t('workspace.verdicts.pass')}</Radio.Button>
                            <Radio.Button value="fail">{t('workspace.verdicts.fail')}</Radio.Button>
                            {allowNa && <Radio.Button value="na">{t('workspace.verdicts.na')}</Radio.Button>}
                          </Radio.Group>
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                  <Form.Item name={[field.name, 'comment']} style={{ flex: 1, minWidth: 0 }}>
                    <Input placeholder={t('workspace.commentPlaceholder')} maxLength={2000} />
                  </Form.Item>
                  <Button type="text" onClick={() => remove(field.name)} aria-label={t('workspace.amendRemove')} disabled={fields.length <= 1}>
                    ×
                  </Button>
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({})} block>
                + {t('workspace.amendAddItem')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        {amend.isError && <div style={{ color: 'var(--ant-color-error)', marginTop: 8 }}>{errorMessage(amend.error, t)}</div>}
      </Form>
    </Modal>
  );
}
