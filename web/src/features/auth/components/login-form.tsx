import { Alert, Button, Form, Input } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/errors';
import { type LoginInput, useLogin } from '../api/login';

function loginError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.status === 401) return t('login.badCredentials');
  if (error instanceof ApiError && error.status === 429) return t('login.throttled');
  return errorMessage(error, t);
}

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const login = useLogin({ onSuccess });
  return (
    <Form<LoginInput> layout="vertical" requiredMark={false} onFinish={(values) => login.mutate(values)} disabled={login.isPending}>
      {login.isError && <Alert data-testid="login-error" type="error" showIcon title={loginError(login.error, t)} style={{ marginBottom: 16 }} />}
      <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
        <Input autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
