import { App, Button, Form, Input, Modal, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { useCan } from '#web/lib/authorization';
import { errorMessage } from '#web/lib/errors';
import { downloadExport, type ExportRequest, type NewExportRequest, useApproveExport, useExportRequests, useRefuseExport, useRequestExport } from '../api/exports';

const STATUS_COLOURS = { pending: 'gold', approved: 'green', refused: 'red', downloaded: 'default' } as const;

/**
 * Exports that need approval (seed 三(三)): an inspector or team lead asks and downloads once approved;
 * a supervisor approves or refuses the pending requests of his projects.
 */
export function ExportsRoute() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const canRequest = useCan('export.request');
  const canApprove = useCan('export.approve');
  const requests = useExportRequests(canApprove ? 'pending' : undefined);
  const ask = useRequestExport();
  const approve = useApproveExport();
  const refuse = useRefuseExport();
  const [refusing, setRefusing] = useState<ExportRequest | null>(null);
  const [reason, setReason] = useState('');
  const [form] = Form.useForm<NewExportRequest>();

  const fail = (error: unknown) => void message.error(errorMessage(error, t));
  const when = (at: string | null) => (at ? new Date(at).toLocaleString(i18n.resolvedLanguage) : '—');

  const columns: TableColumnsType<ExportRequest> = [
    { title: t('exports.createdAt'), dataIndex: 'createdAt', render: when },
    { title: t('exports.requester'), dataIndex: 'requester' },
    { title: t('exports.range'), key: 'range', render: (_, r) => `${r.from ?? '…'} – ${r.to ?? '…'}${r.team ? ` · ${r.team}` : ''} · ${r.format.toUpperCase()}` },
    { title: t('exports.purpose'), dataIndex: 'purpose', render: (p: string | null) => p ?? '—' },
    {
      title: t('exports.status'),
      dataIndex: 'status',
      render: (status: ExportRequest['status'], r) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLOURS[status]} data-testid={`export-status-${r.id}`}>
            {t(`exports.statuses.${status}`)}
          </Tag>
          {r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      render: (_, r) => (
        <Space>
          {canRequest && r.status === 'approved' && (
            <Button type="primary" size="small" data-testid={`export-download-${r.id}`} onClick={() => void downloadExport(r).then(() => requests.refetch(), fail)}>
              {t('exports.download')}
            </Button>
          )}
          {canApprove && r.status === 'pending' && (
            <>
              <Button
                type="primary"
                size="small"
                data-testid={`export-approve-${r.id}`}
                loading={approve.isPending}
                onClick={() => approve.mutate(r.id, { onError: fail })}
              >
                {t('exports.approve')}
              </Button>
              <Button danger size="small" data-testid={`export-refuse-${r.id}`} onClick={() => setRefusing(r)}>
                {t('exports.refuse')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('exports.title')} />
      {canRequest && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ kind: 'evaluations', format: 'xlsx' }}
          onFinish={(values) => ask.mutate({ ...values, kind: 'evaluations' }, { onSuccess: () => void message.success(t('exports.requested')), onError: fail })}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="from" label={t('exports.from')}>
            <Input type="date" data-testid="export-from" />
          </Form.Item>
          <Form.Item name="to" label={t('exports.to')}>
            <Input type="date" data-testid="export-to" />
          </Form.Item>
          <Form.Item name="format" label={t('exports.format')}>
            <Select
              style={{ width: 100 }}
              options={[
                { value: 'xlsx', label: 'XLSX' },
                { value: 'csv', label: 'CSV' },
              ]}
            />
          </Form.Item>
          <Form.Item name="purpose" label={t('exports.purpose')}>
            <Input maxLength={500} data-testid="export-purpose" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={ask.isPending} data-testid="export-request">
            {t('exports.request')}
          </Button>
        </Form>
      )}
      {requests.isError ? (
        <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : (
        <Table<ExportRequest>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={requests.isPending}
          columns={columns}
          dataSource={requests.data?.items}
          pagination={false}
          locale={{ emptyText: t(canApprove ? 'exports.noPending' : 'exports.none') }}
        />
      )}
      <Modal
        open={!!refusing}
        title={t('exports.refuseTitle')}
        okText={t('exports.refuse')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: refuse.isPending }}
        onCancel={() => setRefusing(null)}
        onOk={() =>
          refusing &&
          refuse.mutate(
            { id: refusing.id, reason },
            {
              onSuccess: () => {
                setRefusing(null);
                setReason('');
              },
              onError: fail,
            },
          )
        }
      >
        <Input.TextArea data-testid="export-refuse-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder={t('exports.reason')} />
      </Modal>
    </>
  );
}

export default ExportsRoute;
