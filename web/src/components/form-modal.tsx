import { Form, type FormInstance, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from './server-error-alert';

interface FormModalProps<T> {
  title: ReactNode;
  initialValues?: Partial<T>;
  /** Called with the validated values; the modal stays open until the caller closes it. */
  onSubmit: (values: T) => void;
  onClose: () => void;
  submitting: boolean;
  /** The server's refusal, shown above the fields. */
  error: unknown;
  children: ReactNode;
  form?: FormInstance<T>;
  'data-testid'?: string;
}

/**
 * A modal around an antd Form: browser-side validation from the fields' rules, then the server's own
 * message if it refuses. Mount it only while open, so every opening starts from fresh values.
 */
export function FormModal<T extends object>({ title, initialValues, onSubmit, onClose, submitting, error, children, form: given, ...rest }: FormModalProps<T>) {
  const { t } = useTranslation();
  const [own] = Form.useForm<T>();
  const form = given ?? own;
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submitting}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'form-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'form-cancel' } as ButtonProps}
      mask={{ closable: false }}
    >
      <ServerErrorAlert error={error} />
      <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={onSubmit} data-testid={rest['data-testid']}>
        {children}
        {/* Enter in a field submits. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
