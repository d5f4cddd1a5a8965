import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '#web/components/form-modal';
import { CODE_PATTERN, NAME_MAX } from '#web/lib/validation';
import { type CreateTeamInput, type Team, useCreateTeam, useUpdateTeam } from '../api/teams';
import { ProjectSelect } from '#web/components/project-select';

/** Creates a team in a project, or renames one: its code and project never change here. */
export function TeamForm({ team, project, onClose }: { team?: Team; project?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const mutation = team ? update : create;
  const submit = (values: CreateTeamInput) => {
    if (team) update.mutate({ id: team.id, name: values.name.trim() }, { onSuccess: onClose });
    else create.mutate({ code: values.code.trim(), name: values.name.trim(), project: values.project }, { onSuccess: onClose });
  };
  return (
    <FormModal<CreateTeamInput>
      title={team ? t('teams.rename') : t('teams.create')}
      initialValues={team ?? { project }}
      onSubmit={submit}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      data-testid="team-form"
    >
      <Form.Item label={t('teams.project')} name="project" rules={[{ required: true, message: t('common.required') }]}>
        <ProjectSelect id="project" activeOnly disabled={!!team} />
      </Form.Item>
      <Form.Item
        label={t('teams.code')}
        name="code"
        extra={team ? undefined : t('common.codeHint')}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: CODE_PATTERN, message: t('common.codeInvalid') },
        ]}
      >
        <Input disabled={!!team} />
      </Form.Item>
      <Form.Item
        label={t('teams.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: NAME_MAX, message: t('common.tooLong', { max: NAME_MAX }) },
        ]}
      >
        <Input />
      </Form.Item>
    </FormModal>
  );
}
