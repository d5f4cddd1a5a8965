import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '#web/components/form-modal';
import { CODE_PATTERN, NAME_MAX } from '#web/lib/validation';
import { type CreateProjectInput, type Project, useCreateProject, useUpdateProject } from '../api/projects';

/** Creates a project (code and name), or renames one: its code never changes. */
export function ProjectForm({ project, onClose }: { project?: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateProject();
  const update = useUpdateProject();
  const mutation = project ? update : create;
  const submit = (values: CreateProjectInput) => {
    if (project) update.mutate({ id: project.id, name: values.name.trim() }, { onSuccess: onClose });
    else create.mutate({ code: values.code.trim(), name: values.name.trim() }, { onSuccess: onClose });
  };
  return (
    <FormModal<CreateProjectInput>
      title={project ? t('projects.rename') : t('projects.create')}
      initialValues={project ?? {}}
      onSubmit={submit}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      data-testid="project-form"
    >
      <Form.Item
        label={t('projects.code')}
        name="code"
        extra={project ? undefined : t('common.codeHint')}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: CODE_PATTERN, message: t('common.codeInvalid') },
        ]}
      >
        <Input disabled={!!project} />
      </Form.Item>
      <Form.Item
        label={t('projects.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: NAME_MAX, message: t('common.tooLong', { max: NAME_MAX }) },
        ]}
      >
        <Input autoFocus={!!project} />
      </Form.Item>
    </FormModal>
  );
}
