import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '#web/lib/errors';

/** The server's refusal inside a form, translated from its code. Renders nothing without an error. */
export function ServerErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert data-testid="form-error" type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />;
}
