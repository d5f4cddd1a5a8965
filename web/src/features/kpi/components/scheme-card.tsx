import { Button, Card, Empty, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { LoadError } from '#web/components/errors/load-error';
import { useCan } from '#web/lib/authorization';
import { useFeedback } from '#web/lib/feedback';
import { type KpiScheme, type SchemeInput, useCreateScheme, useDeleteScheme, usePublishScheme, useSchemes, useUpdateScheme } from '../api/schemes';
import { currentQuarter, quartersFrom } from '../quarters';

/** `QA 60 % · 出勤 20 % · 销售目标 20 %` */
export function weightsText(s: Pick<KpiScheme, 'qaWeight' | 'parts'>, qa: string): string {
  return [`${qa} ${s.qaWeight} %`, ...s.parts.map((p) => `${p.name} ${p.weight} %`)].join(' · ');
}

/** The draft's form: first quarter, the QA score's weight and each imported part's, adding up to 100. */
function DraftForm({ draft }: { draft: KpiScheme }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SchemeInput>();
  const update = useUpdateScheme();
  const publish = usePublishScheme();
  const remove = useDeleteScheme();
  const feedback = useFeedback();
  useEffect(() => form.setFieldsValue({ fromQuarter: draft.fromQuarter, qaWeight: draft.qaWeight, parts: draft.parts, note: draft.note ?? '' }), [draft, form]);
  const parts = Form.useWatch('parts', form) ?? draft.parts;
  const qaWeight = Form.useWatch('qaWeight', form) ?? draft.qaWeight;
  const total = (qaWeight ?? 0) + (parts ?? []).reduce((sum, p) => sum + (p?.weight ?? 0), 0);
  const save = (then?: () => void) =>
    void form
      .validateFields()
      .then((values) => update.mutate({ id: draft.id, ...values, parts: values.parts ?? [], note: values.note || undefined }, { onSuccess: then ?? feedback.onSuccess }));

  return (
    <Form form={form} layout="vertical" data-testid="scheme-draft" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('kpi.scheme.draftTitle', { version: draft.version })}</Typography.Title>
      <Space wrap align="start">
        <Form.Item name="fromQuarter" label={t('kpi.scheme.fromQuarter')} rules={[{ required: true }]}>
          <Select data-testid="scheme-from" style={{ width: 140 }} options={quartersFrom(currentQuarter(), 4).map((q) => ({ value: q, label: q }))} />
        </Form.Item>
        <Form.Item name="qaWeight" label={t('kpi.scheme.qaWeight')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber data-testid="scheme-qa-weight" min={0} max={100} suffix="%" style={{ width: 120 }} />
        </Form.Item>
      </Space>
      <Form.List name="parts">
        {(fields, { add, remove: drop }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" wrap>
                <Form.Item
                  name={[field.name, 'code']}
                  label={i === 0 ? t('kpi.scheme.partCode') : undefined}
                  rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_-]{0,31}$/, message: t('kpi.scheme.codeRule') }]}
                >
                  <Input data-testid={`scheme-part-code-${i}`} placeholder="attendance" style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} label={i === 0 ? t('kpi.scheme.partName') : undefined} rules={[{ required: true, message: t('common.required') }]}>
                  <Input data-testid={`scheme-part-name-${i}`} placeholder={t('kpi.scheme.partNamePlaceholder')} maxLength={50} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'weight']} label={i === 0 ? t('kpi.scheme.weight') : undefined} rules={[{ required: true, message: t('common.required') }]}>
                  <InputNumber data-testid={`scheme-part-weight-${i}`} min={0} max={100} suffix="%" style={{ width: 120 }} />
                </Form.Item>
                <Button onClick={() => drop(field.name)} style={i === 0 ? { marginTop: 30 } : undefined}>
                  {t('kpi.scheme.removePart')}
                </Button>
              </Space>
            ))}
            <Button data-testid="scheme-add-part" onClick={() => add({ code: '', name: '', weight: 0 })} style={{ marginBottom: 16 }}>
              {t('kpi.scheme.addPart')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Paragraph type={Math.abs(total - 100) < 1e-6 ? 'secondary' : 'danger'} data-testid="scheme-total">
        {t('kpi.scheme.total', { total })}
      </Typography.Paragraph>
      <Form.Item name="note" label={t('kpi.scheme.note')}>
        <Input maxLength={500} />
      </Form.Item>
      <ServerErrorAlert error={update.error ?? publish.error} />
      <Space>
        <Button data-testid="scheme-save" loading={update.isPending} onClick={() => save()}>
          {t('kpi.scheme.save')}
        </Button>
        <Popconfirm
          title={t('kpi.scheme.publishConfirm')}
          onConfirm={() => save(() => publish.mutate(draft.id, feedback))}
          okButtonProps={{ 'data-testid': 'scheme-publish-ok' } as never}
        >
          <Button type="primary" data-testid="scheme-publish" loading={publish.isPending}>
            {t('kpi.scheme.publish')}
          </Button>
        </Popconfirm>
        <Popconfirm title={t('kpi.scheme.deleteConfirm')} onConfirm={() => remove.mutate(draft.id, feedback)}>
          <Button danger>{t('kpi.scheme.delete')}</Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}

/**
 * A project's KPI scheme: the version in force for the quarter shown, every version kept, and for a
 * supervisor the draft of the next one. Without a published version the KPI score is the QA score.
 */
export function SchemeCard({ project, quarter, inForce }: { project: string; quarter: string; inForce: KpiScheme | null | undefined }) {
  const { t } = useTranslation();
  const schemes = useSchemes(project);
  const create = useCreateScheme();
  const feedback = useFeedback();
  const canEdit = useCan('kpi.scheme.edit');
  const qa = t('kpi.qaScore');
  const draft = schemes.data?.items.find((s) => s.status === 'draft');
  const latest = schemes.data?.items.find((s) => s.status === 'published');

  const columns: ColumnsType<KpiScheme> = [
    { title: t('kpi.scheme.version'), dataIndex: 'version', width: 80 },
    {
      title: t('kpi.scheme.status'),
      key: 'status',
      render: (_, s) => (
        <Tag color={s.status === 'draft' ? 'gold' : s.id === inForce?.id ? 'green' : 'default'}>
          {s.id === inForce?.id ? t('kpi.scheme.inForce') : t(`kpi.scheme.statuses.${s.status}`)}
        </Tag>
      ),
    },
    { title: t('kpi.scheme.fromQuarter'), dataIndex: 'fromQuarter' },
    { title: t('kpi.scheme.weights'), key: 'weights', render: (_, s) => weightsText(s, qa) },
    { title: t('kpi.scheme.by'), key: 'by', render: (_, s) => s.publishedBy ?? s.createdBy },
  ];

  return (
    <Card title={t('kpi.scheme.title')} data-testid="kpi-scheme">
      <Typography.Paragraph data-testid="scheme-in-force">
        {inForce ? t('kpi.scheme.inForceText', { quarter, version: inForce.version, weights: weightsText(inForce, qa) }) : t('kpi.scheme.none', { quarter })}
      </Typography.Paragraph>
      {schemes.isError ? (
        <LoadError error={schemes.error} onRetry={() => void schemes.refetch()} />
      ) : schemes.data?.items.length ? (
        <Table<KpiScheme> rowKey="id" size="small" columns={columns} dataSource={schemes.data.items} pagination={false} />
      ) : (
        <Empty description={t('kpi.scheme.noVersions')} />
      )}
      {canEdit && draft && <DraftForm key={draft.id} draft={draft} />}
      {canEdit && !draft && schemes.data && (
        <Button
          data-testid="scheme-new"
          style={{ marginTop: 16 }}
          loading={create.isPending}
          onClick={() =>
            create.mutate({ project, fromQuarter: currentQuarter(), qaWeight: latest?.qaWeight ?? 100, parts: latest?.parts ?? [] }, { onError: feedback.onError })
          }
        >
          {t('kpi.scheme.newDraft')}
        </Button>
      )}
    </Card>
  );
}
