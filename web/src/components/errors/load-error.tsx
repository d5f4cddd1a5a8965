import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';

/** A page or a route that failed to load: what went wrong and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="load-error"
      status="error"
      title={t('errors.unexpected')}
      subTitle={errorMessage(error, t)}
      extra={onRetry && <Button onClick={onRetry}>{t('errors.retry')}</Button>}
    />
  );
}
