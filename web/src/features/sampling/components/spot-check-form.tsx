import { Alert, App, DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useTeams } from '#web/api/teams';
import { errorCode, errorMessage, isError } from '#web/lib/errors';
import { useCreateSpotCheck } from '../api/queue';
import { DATE } from './format';

interface Values {
  team: string;
  date: Dayjs;
  count: number;
}

/** A team lead's spot check (五(二) 人工监控): a few random calls of his own team join his queue. */
export function SpotCheckForm({ teams: own, onClose }: { teams: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const teams = useTeams();
  const create = useCreateSpotCheck();
  // The server scopes the list to the lead's own teams; his binding narrows it further.
  const options = (teams.data?.items ?? [])
    .filter((team) => team.active && (!own.length || own.includes(team.code)))
    .map((team) => ({ value: team.code, label: `${team.name} (${team.code})` }));
  const submit = (values: Values) =>
    create.mutate(
      { team: values.team, date: values.date.format(DATE), count: values.count },
      {
        onSuccess: (drawn) => {
          void message.success(t('sampling.spotCheck.added', { count: drawn.length }));
          onClose();
        },
      },
    );
  const error = create.error;
  return (
    <Modal
      open
      title={t('sampling.spotCheck.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('sampling.spotCheck.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'spot-check-submit' } as ButtonProps}
      mask={{ closable: false }}
    >
      {error && (
        <Alert
          data-testid="spot-check-error"
          data-code={errorCode(error)}
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={isError(error, 'NOTHING_TO_DRAW') ? t('sampling.spotCheck.noneLeft') : errorMessage(error, t)}
          description={isError(error, 'NOTHING_TO_DRAW') ? errorMessage(error, t) : undefined}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ team: own[0], date: dayjs().subtract(1, 'day'), count: 3 }}
        onFinish={submit}
        data-testid="spot-check-form"
      >
        <Form.Item label={t('sampling.spotCheck.team')} name="team" rules={[{ required: true, message: t('common.required') }]}>
          <Select id="spot-team" loading={teams.isPending} options={options} data-testid="spot-check-team" />
        </Form.Item>
        <Form.Item label={t('sampling.spotCheck.date')} name="date" rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker id="spot-date" allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="spot-check-date" />
        </Form.Item>
        <Form.Item
          label={t('sampling.spotCheck.count')}
          name="count"
          extra={t('sampling.spotCheck.countHelp')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber id="spot-count" min={1} max={20} precision={0} data-testid="spot-check-count" />
        </Form.Item>
        {/* Enter in a field submits. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
