import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '#web/config/paths';
import { type SignedInUser, useLogout } from '#web/lib/auth';
import { LanguageSwitch } from '../language-switch';
import { RoleTags } from '../role-tags';

/** The header's right side: who is signed in, as what, the language, and signing out. */
export function UserBar({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout({ onDone: () => navigate(paths.login.getHref(), { replace: true }) });
  return (
    <Space size="middle" wrap>
      <Typography.Text strong data-testid="user-name">
        {user.displayName}
      </Typography.Text>
      <RoleTags roles={user.roles} data-testid="user-roles" />
      <LanguageSwitch />
      <Button data-testid="logout" loading={logout.isPending} onClick={() => logout.mutate()}>
        {t('app.signOut')}
      </Button>
    </Space>
  );
}
