import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AgentGrade } from '#shared/org';
import { FormModal } from '#web/components/form-modal';
import { EMPLOYEE_NO_PATTERN, NAME_MAX } from '#web/lib/validation';
import { type Agent, useCreateAgent, useUpdateAgent } from '../api/agents';
import { gradeOptions } from './grade';
import { TeamSelect } from './team-select';

interface AgentFormValues {
  employeeNo: string;
  name: string;
  team: string;
  hiredAt: Dayjs;
  grade: AgentGrade;
}

const DATE = 'YYYY-MM-DD';

/** Creates an agent or edits one; the employee number is fixed once created. */
export function AgentForm({ agent, onClose }: { agent?: Agent; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAgent();
  const update = useUpdateAgent();
  const mutation = agent ? update : create;

  const submit = (values: AgentFormValues) => {
    const fields = { name: values.name.trim(), team: values.team, hiredAt: values.hiredAt.format(DATE), grade: values.grade };
    if (agent) update.mutate({ id: agent.id, ...fields }, { onSuccess: onClose });
    else create.mutate({ employeeNo: values.employeeNo.trim(), ...fields }, { onSuccess: onClose });
  };

  return (
    <FormModal<AgentFormValues>
      title={agent ? t('agents.edit') : t('agents.create')}
      initialValues={agent ? { ...agent, hiredAt: dayjs(agent.hiredAt) } : {}}
      onSubmit={submit}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      data-testid="agent-form"
    >
      <Form.Item
        label={t('agents.employeeNo')}
        name="employeeNo"
        rules={[
          { required: true, message: t('common.required') },
          { pattern: EMPLOYEE_NO_PATTERN, message: t('agents.employeeNoInvalid') },
        ]}
      >
        <Input disabled={!!agent} />
      </Form.Item>
      <Form.Item
        label={t('agents.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: NAME_MAX, message: t('common.tooLong', { max: NAME_MAX }) },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item label={t('agents.team')} name="team" rules={[{ required: true, message: t('common.required') }]}>
        <TeamSelect id="team" activeOnly />
      </Form.Item>
      <Form.Item label={t('agents.hiredAt')} name="hiredAt" rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker id="hiredAt" format={DATE} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('agents.grade')} name="grade" rules={[{ required: true, message: t('common.required') }]}>
        <Select id="grade" options={gradeOptions(t)} />
      </Form.Item>
    </FormModal>
  );
}
