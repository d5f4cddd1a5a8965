import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Role, ROLES } from '#shared/org';
import { can } from '#shared/permissions';
import { FormModal } from '#web/components/form-modal';
import { NAME_MAX, PASSWORD_MIN, USERNAME_PATTERN } from '#web/lib/validation';
import { type CreateUserInput, type User, useCreateUser, useUpdateUser } from '../api/users';
import { ProjectSelect } from '#web/components/project-select';
import { TeamSelect } from './team-select';

/** Creates a user (with an initial password) or edits one: name, roles, and the projects and teams that bound what they see. */
export function UserForm({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const roleOptions = ROLES.map((role: Role) => ({ value: role, label: t(`roles.${role}`) }));

  const submit = (values: CreateUserInput) => {
    const fields = {
      displayName: values.displayName.trim(),
      roles: values.roles,
      projects: values.projects ?? [],
      teams: values.teams ?? [],
      // Only roles that may hold it send the flag; anyone else is bound by projects and teams alone.
      allProjects: can(values.roles, 'scope.allProjects') && !!values.allProjects,
    };
    if (user) update.mutate({ id: user.id, ...fields }, { onSuccess: onClose });
    else create.mutate({ username: values.username.trim(), password: values.password, ...fields }, { onSuccess: onClose });
  };

  return (
    <FormModal<CreateUserInput>
      title={user ? t('users.edit') : t('users.create')}
      initialValues={user ?? { roles: [], projects: [], teams: [], allProjects: false }}
      onSubmit={submit}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      data-testid="user-form"
    >
      <Form.Item
        label={t('users.username')}
        name="username"
        rules={[
          { required: true, message: t('common.required') },
          { pattern: USERNAME_PATTERN, message: t('users.usernameInvalid') },
        ]}
      >
        <Input disabled={!!user} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('users.displayName')}
        name="displayName"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: NAME_MAX, message: t('common.tooLong', { max: NAME_MAX }) },
        ]}
      >
        <Input />
      </Form.Item>
      {!user && (
        <Form.Item
          label={t('users.password')}
          name="password"
          rules={[
            { required: true, message: t('common.required') },
            { min: PASSWORD_MIN, message: t('users.passwordMin') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item label={t('users.roles')} name="roles" rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}>
        <Select id="roles" mode="multiple" options={roleOptions} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: CreateUserInput, b: CreateUserInput) => a.roles !== b.roles}>
        {({ getFieldValue }) =>
          can(getFieldValue('roles') ?? [], 'scope.allProjects') ? (
            <Form.Item name="allProjects" valuePropName="checked" extra={t('users.allProjectsHint')}>
              <Checkbox data-testid="user-all-projects">{t('users.allProjects')}</Checkbox>
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item label={t('users.projects')} name="projects" extra={t('users.scopeHint')}>
        <ProjectSelect id="projects" mode="multiple" allowClear placeholder={t('users.projects')} />
      </Form.Item>
      <Form.Item label={t('users.teams')} name="teams">
        <TeamSelect id="teams" mode="multiple" allowClear placeholder={t('users.teams')} />
      </Form.Item>
    </FormModal>
  );
}
