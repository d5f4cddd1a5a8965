import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '#web/config/paths';

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="forbidden"
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbidden')}
      extra={
        <Link to={paths.home.getHref()}>
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}
