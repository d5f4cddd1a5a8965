import { Badge, Layout, Menu, Space, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useOpenCoachingCount } from '#web/api/coaching';
import { navigationFor, navItemAt } from '#web/config/navigation';
import { useCan } from '#web/lib/authorization';
import { useUser } from '#web/lib/auth';
import { PageSpin } from '../page-spin';
import { UserBar } from './user-bar';

/** The signed-in frame: side menu by role, header with the user, the page in the middle. */
export function AppShell() {
  const { t } = useTranslation();
  const { data: user } = useUser();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  // A team lead's open coaching items, asked again every 15 s: the menu shows a new one without reloading.
  const openCoaching = useOpenCoachingCount(useCan('coaching.record'));
  if (!user) return <PageSpin />;

  const items = navigationFor(user.roles).map((item) => ({
    key: item.key,
    label:
      item.key === 'coaching' && openCoaching.data ? (
        <Link to={item.path}>
          <Space size={6}>
            {t(item.label)}
            <Badge count={openCoaching.data} size="small" data-testid="coaching-badge" />
          </Space>
        </Link>
      ) : (
        <Link to={item.path}>{t(item.label)}</Link>
      ),
    'data-testid': `nav-${item.key}`,
  }));
  const selected = navItemAt(pathname)?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" breakpoint="lg" collapsedWidth={0} width={200}>
        <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 0 }} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, display: 'flex', justifyContent: 'flex-end', alignItems: 'center', paddingInline: 24 }}>
          <UserBar user={user} />
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
