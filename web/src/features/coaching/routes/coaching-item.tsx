import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, List, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatTime } from '#web/components/call-player';
import { LoadError } from '#web/components/errors/load-error';
import { FaqLookup } from '#web/components/faq/faq-lookup';
import { PageHeader } from '#web/components/page-header';
import { PageSpin } from '#web/components/page-spin';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { errorMessage } from '#web/lib/errors';
import { type CoachingItemDetail, useAcknowledge, useCoachingItem, useRecordSession } from '../api/coaching-items';
import { EffectCheck } from '../components/effect-check';
import { CoachingStatusTag } from '../components/status-tag';

type Defect = CoachingItemDetail['defects'][number];

interface SessionForm {
  date: Dayjs;
  said: string;
  commitment: string;
  relistenRecordingId?: string;
}

/**
 * One coaching item: the defects with a link to the call (the moment in it shown beside), the agent's
 * earlier failures on those items, the lead's one-to-ones and the agent's acknowledgement.
 */
export function CoachingItemRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const item = useCoachingItem(id);
  const record = useRecordSession(id);
  const acknowledge = useAcknowledge(id);
  const isLead = useCan('coaching.record');
  const [form] = Form.useForm<SessionForm>();

  if (item.isPending) return <PageSpin />;
  if (item.isError) return <LoadError error={item.error} onRetry={() => void item.refetch()} />;
  const data = item.data;
  const closed = data.status === 'resolved';
  // Closed as improved by the effect check: no more one-to-ones (the acknowledgement may still be recorded).
  const decided = closed || data.status === 'improved';

  const defectColumns: TableColumnsType<Defect> = [
    {
      title: t('coaching.item'),
      dataIndex: 'title',
      render: (title: string, d) => (
        <Space>
          {d.critical ? <Tag color="red">{t('coaching.fatal')}</Tag> : null}
          {`${d.code} ${title}`}
        </Space>
      ),
    },
    { title: t('coaching.comment'), dataIndex: 'comment', render: (c: string | null) => c ?? '—' },
    { title: t('coaching.moment'), dataIndex: 'at', render: (at: number | null) => (at === null ? '—' : formatTime(at)) },
    {
      title: t('coaching.machineEvidence'),
      dataIndex: 'evidence',
      render: (evidence: Defect['evidence'], d) =>
        evidence.length ? (
          <Space direction="vertical" size={0} data-testid="coaching-evidence">
            {evidence.slice(0, 3).map((e) => (
              <Link key={`${e.segment}-${e.start}`} to={paths.recording.getHref(d.recordingId, { t: e.start })}>
                {`${formatTime(e.start)} ${e.text || t('coaching.machineSilence')}`}
              </Link>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('coaching.listen'),
      dataIndex: 'recordingId',
      render: (recordingId: string, d) => (
        <Link to={paths.recording.getHref(recordingId, { t: d.at })} data-testid="coaching-listen">
          {t('coaching.listen')}
        </Link>
      ),
    },
  ];

  const submit = (values: SessionForm) =>
    record.mutate(
      {
        date: values.date.format('YYYY-MM-DD'),
        said: values.said,
        commitment: values.commitment,
        relistenRecordingId: values.relistenRecordingId?.trim() || undefined,
        revision: data.revision,
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('coaching.recorded'));
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  return (
    <>
      <PageHeader
        title={`${t('coaching.title')} · ${data.agentName}（${data.agent}）`}
        extra={
          <Space>
            <FaqLookup />
            <CoachingStatusTag status={data.status} reopened={!!data.reopened} />
          </Space>
        }
      />
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('coaching.team')}>{data.team}</Descriptions.Item>
        <Descriptions.Item label={t('coaching.createdAt')}>{dayjs(data.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={t('coaching.evaluation')}>
          <Link to={paths.evaluate.getHref(data.recordingId, { evaluation: data.evaluationId })}>{t('coaching.open')}</Link>
        </Descriptions.Item>
      </Descriptions>

      {data.reopened && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="coaching-reopened-why"
          message={t('coaching.reopenedWhy', { codes: data.reopened.codes.join('、'), at: dayjs(data.reopened.at).format('YYYY-MM-DD HH:mm') })}
          action={<Link to={paths.evaluate.getHref(data.reopened.recordingId, { evaluation: data.reopened.evaluationId })}>{t('coaching.reopenedOpen')}</Link>}
        />
      )}

      <EffectCheck item={data} />

      <Card title={t('coaching.defects')} size="small" style={{ marginBottom: 16 }}>
        <Table<Defect> rowKey="code" size="small" pagination={false} dataSource={data.defects} columns={defectColumns} data-testid="coaching-defects" />
      </Card>

      <Card title={t('coaching.history')} size="small" style={{ marginBottom: 16 }}>
        {data.history.length ? (
          <List
            size="small"
            dataSource={data.history}
            renderItem={(h) => (
              <List.Item>
                <Space>
                  <Typography.Text type="secondary">{dayjs(h.createdAt).format('YYYY-MM-DD')}</Typography.Text>
                  <Tag>{h.code}</Tag>
                  {h.comment}
                  <Link to={paths.recording.getHref(h.recordingId, { t: h.at })}>{t('coaching.listen')}</Link>
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coaching.noHistory')} />
        )}
      </Card>

      <Card title={t('coaching.sessions')} size="small" style={{ marginBottom: 16 }}>
        {data.sessions.length ? (
          <List
            size="small"
            dataSource={data.sessions}
            data-testid="coaching-sessions"
            renderItem={(s) => (
              <List.Item>
                <List.Item.Meta
                  title={`${s.date} · ${t('coaching.by')} ${s.by}`}
                  description={
                    <>
                      <div>
                        {t('coaching.said')}：{s.said}
                      </div>
                      <div>
                        {t('coaching.commitment')}：{s.commitment}
                      </div>
                      {s.relistenRecordingId && <Link to={paths.recording.getHref(s.relistenRecordingId)}>{t('coaching.listen')}</Link>}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coaching.noSessions')} />
        )}
        {isLead && !decided && (
          <Form<SessionForm> form={form} layout="vertical" onFinish={submit} initialValues={{ date: dayjs() }} style={{ marginTop: 16, maxWidth: 640 }}>
            <Form.Item name="date" label={t('coaching.sessionDate')} rules={[{ required: true, message: t('coaching.required') }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="said" label={t('coaching.said')} rules={[{ required: true, min: 2, message: t('coaching.required') }]}>
              <Input.TextArea rows={3} maxLength={4000} data-testid="coaching-said" />
            </Form.Item>
            <Form.Item name="commitment" label={t('coaching.commitment')} rules={[{ required: true, min: 2, message: t('coaching.required') }]}>
              <Input.TextArea rows={2} maxLength={4000} data-testid="coaching-commitment" />
            </Form.Item>
            <Form.Item name="relistenRecordingId" label={t('coaching.relisten')}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="coaching-record">
              {t('coaching.record')}
            </Button>
          </Form>
        )}
      </Card>

      <Card size="small">
        {data.acknowledgedAt ? (
          <Alert type="success" showIcon message={t('coaching.acknowledged', { by: data.acknowledgedBy, at: dayjs(data.acknowledgedAt).format('YYYY-MM-DD HH:mm') })} />
        ) : (
          <Space>
            <Typography.Text type="secondary">{t('coaching.notAcknowledged')}</Typography.Text>
            {isLead && !closed && (
              <Button
                loading={acknowledge.isPending}
                data-testid="coaching-acknowledge"
                onClick={() => acknowledge.mutate(data.revision, { onError: (error) => void message.error(errorMessage(error, t)) })}
              >
                {t('coaching.acknowledge')}
              </Button>
            )}
          </Space>
        )}
      </Card>
    </>
  );
}

export default CoachingItemRoute;
