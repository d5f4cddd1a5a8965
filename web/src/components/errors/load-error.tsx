import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { canRetry, errorCode, errorMessage, isRefusal } from '#web/lib/errors';

/**
 * A page or a part of one that failed to load: what went wrong, in words, and a way to try again
 * when trying again can help (not after a 403 or a 404).
 */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = errorCode(error);
  const refused = isRefusal(error);
  return (
    <Result
      data-testid="load-error"
      data-code={code}
      status={refused ? 'warning' : 'error'}
      title={code === 'NOT_FOUND' ? t('errors.missingTitle') : refused ? t('errors.refusedTitle') : t('errors.unexpected')}
      subTitle={errorMessage(error, t)}
      extra={onRetry && canRetry(error) && <Button onClick={onRetry}>{t('errors.retry')}</Button>}
    />
  );
}
