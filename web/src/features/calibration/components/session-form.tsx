import { App, Button, type ButtonProps, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProjectSelect } from '#web/components/project-select';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { paths } from '#web/config/paths';
import { useCallsOfDay, useCreateSession } from '../api/calibration';

interface Values {
  title: string;
  project: string;
  day: Dayjs;
  recordings: string[];
  participants: string[];
  expert?: string;
  deadline: Dayjs;
}

/**
 * A supervisor's new calibration session: calls of one project's day (in his scope), the inspectors
 * taking part and maybe an expert by username, a deadline. The server names any bad field.
 */
export function NewSessionButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const project = Form.useWatch('project', form);
  const day = Form.useWatch('day', form);
  const calls = useCallsOfDay({ project, date: day?.format('YYYY-MM-DD') });
  const create = useCreateSession();
  const submit = (v: Values) =>
    create.mutate(
      {
        title: v.title,
        recordings: v.recordings,
        participants: v.participants,
        expert: v.expert?.trim() || undefined,
        deadline: v.deadline.format('YYYY-MM-DD'),
      },
      {
        onSuccess: (session) => {
          void message.success(t('calibration.created'));
          setOpen(false);
          form.resetFields();
          void navigate(paths.calibrationSession.getHref(session.id));
        },
      },
    );
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="calibration-new">
        {t('calibration.new')}
      </Button>
      <Modal
        open={open}
        title={t('calibration.new')}
        onCancel={() => setOpen(false)}
        okText={t('calibration.create')}
        okButtonProps={{ loading: create.isPending, 'data-testid': 'calibration-create' } as ButtonProps}
        onOk={() => form.submit()}
        width={640}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ day: dayjs().subtract(1, 'day'), deadline: dayjs().add(7, 'day') }}>
          <Form.Item name="title" label={t('calibration.sessionTitle')} rules={[{ required: true, whitespace: true, message: t('calibration.titleRequired') }]}>
            <Input maxLength={200} data-testid="calibration-title" />
          </Form.Item>
          <Form.Item name="project" label={t('calibration.project')} rules={[{ required: true }]}>
            <ProjectSelect activeOnly chooseTheOnlyOne data-testid="calibration-project" onChange={(value) => form.setFieldsValue({ project: value, recordings: [] })} />
          </Form.Item>
          <Form.Item name="day" label={t('calibration.callDay')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} data-testid="calibration-day" onChange={(value) => form.setFieldsValue({ day: value ?? undefined, recordings: [] })} />
          </Form.Item>
          <Form.Item name="recordings" label={t('calibration.calls')} rules={[{ required: true, message: t('calibration.callsRequired') }]}>
            <Select<string[]>
              mode="multiple"
              loading={calls.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="calibration-calls"
              notFoundContent={t('calibration.noCalls')}
              options={(calls.data?.items ?? []).map((c) => ({
                value: c.id,
                label: `${dayjs(c.startedAt).format('HH:mm')} · ${c.agentName} (${c.agent}) · ${Math.round(c.duration)} s`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="participants"
            label={t('calibration.participants')}
            extra={t('calibration.participantsHint')}
            rules={[{ required: true, type: 'array', min: 2, message: t('calibration.participantsRequired') }]}
          >
            <Select<string[]> mode="tags" open={false} tokenSeparators={[',', ' ', '，']} data-testid="calibration-participants" />
          </Form.Item>
          <Form.Item name="expert" label={t('calibration.expert')} extra={t('calibration.expertHint')}>
            <Input maxLength={64} data-testid="calibration-expert" />
          </Form.Item>
          <Form.Item name="deadline" label={t('calibration.deadline')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} data-testid="calibration-deadline" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Form>
        {create.error && <ServerErrorAlert error={create.error} />}
      </Modal>
    </>
  );
}
