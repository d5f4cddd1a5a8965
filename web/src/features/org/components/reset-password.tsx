import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '#web/components/form-modal';
import { PASSWORD_MIN } from '#web/lib/validation';
import { type User, useUpdateUser } from '../api/users';

interface Values {
  password: string;
  confirm: string;
}

/** Sets a new password for a user who forgot theirs; the admin passes it on. */
export function ResetPassword({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const { message } = App.useApp();
  const submit = ({ password }: Values) =>
    update.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset'));
          onClose();
        },
      },
    );
  return (
    <FormModal<Values>
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      onSubmit={submit}
      onClose={onClose}
      submitting={update.isPending}
      error={update.error}
      data-testid="reset-password-form"
    >
      <Form.Item
        label={t('users.newPassword')}
        name="password"
        rules={[
          { required: true, message: t('common.required') },
          { min: PASSWORD_MIN, message: t('users.passwordMin') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('users.confirmPassword')}
        name="confirm"
        dependencies={['password']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('users.passwordMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
