import { Button, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { RoleTags } from '#web/components/role-tags';
import { useFeedback } from '#web/lib/feedback';
import { type User, useUpdateUser, useUsers } from '../api/users';
import { ActiveToggle } from '../components/active-toggle';
import { ResetPassword } from '../components/reset-password';
import { ActiveTag } from '../components/status-tags';
import { UserForm } from '../components/user-form';

type Editing = { kind: 'new' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

const codes = (list: string[]) => (list.length ? list.join(', ') : '—');

export function UsersRoute() {
  const { t } = useTranslation();
  const users = useUsers();
  const update = useUpdateUser();
  const feedback = useFeedback();
  const [editing, setEditing] = useState<Editing>(null);

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.roles'), dataIndex: 'roles', render: (roles: User['roles']) => <RoleTags roles={roles} /> },
    { title: t('users.projects'), dataIndex: 'projects', render: (list: string[], u: User) => (u.allProjects ? t('users.allProjects') : codes(list)) },
    { title: t('users.teams'), dataIndex: 'teams', render: codes },
    { title: t('common.status'), dataIndex: 'active', render: (active: boolean) => <ActiveTag active={active} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size={0} wrap>
          <Button size="small" type="link" data-testid="user-edit" onClick={() => setEditing({ kind: 'edit', user })}>
            {t('common.edit')}
          </Button>
          <Button size="small" type="link" data-testid="user-reset-password" onClick={() => setEditing({ kind: 'password', user })}>
            {t('users.resetPassword')}
          </Button>
          <ActiveToggle
            active={user.active}
            confirm={t('users.deactivateConfirm', { name: user.displayName })}
            loading={update.isPending && update.variables?.id === user.id && update.variables.active !== undefined}
            onChange={(active) => update.mutate({ id: user.id, active }, feedback)}
          />
        </Space>
      ),
    },
  ];

  if (users.isError) return <LoadError error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" data-testid="user-create" onClick={() => setEditing({ kind: 'new' })}>
            {t('users.create')}
          </Button>
        }
      />
      <Table<User>
        rowKey="username"
        scroll={{ x: 'max-content' }}
        loading={users.isPending}
        columns={columns}
        dataSource={users.data?.items}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
      />
      {editing?.kind === 'new' && <UserForm onClose={() => setEditing(null)} />}
      {editing?.kind === 'edit' && <UserForm user={editing.user} onClose={() => setEditing(null)} />}
      {editing?.kind === 'password' && <ResetPassword user={editing.user} onClose={() => setEditing(null)} />}
    </>
  );
}

export default UsersRoute;
