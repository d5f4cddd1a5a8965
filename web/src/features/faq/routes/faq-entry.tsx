import { Alert, Button, type ButtonProps, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadError } from '#web/components/errors/load-error';
import { FaqExamples } from '#web/components/example/faq-examples';
import { FaqAnswer } from '#web/components/faq/faq-text';
import { PageHeader } from '#web/components/page-header';
import { PageSpin } from '#web/components/page-spin';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { useCan } from '#web/lib/authorization';
import { errorCode } from '#web/lib/errors';
import { useFeedback } from '#web/lib/feedback';
import { type FaqEntryDetail, type FaqVersion, useFaqEntry, useFaqStep, useUpdateFaq } from '../api/faq-entries';
import { EntryEffect } from '../components/entry-effect';
import { EntryFields, type EntryFormValues } from '../components/entry-form';
import { FaqStatusTag } from '../components/status-tag';
import { VersionDiff } from '../components/version-diff';

const valuesOf = (e: FaqEntryDetail): EntryFormValues => ({
  question: e.question,
  answer: e.answer,
  tags: e.tags,
  alternatives: e.alternatives,
  businessType: e.businessType ?? undefined,
});

/**
 * One FAQ entry. Everyone reads the published version; FAQ maintainers and supervisors edit the working
 * copy (agents keep seeing the published one), send it to review, publish it with a reason, retire it,
 * and compare any two versions. Two maintainers editing at once: the second save answers FAQ_STALE and
 * keeps his text in the form, next to what the other one saved.
 */
export function FaqEntryRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const entry = useFaqEntry(id);
  const canEdit = useCan('faq.edit');
  const canPublish = useCan('faq.publish');
  const seesEffect = useCan('faq.effect');
  if (entry.isError) return <LoadError error={entry.error} onRetry={() => void entry.refetch()} />;
  if (!entry.data) return <PageSpin />;
  const e = entry.data;
  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="faq-entry-question">{e.question}</span>
            <FaqStatusTag status={e.status} />
          </Space>
        }
      />
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('faq.owner')}>{e.owner}</Descriptions.Item>
        <Descriptions.Item label={t('faq.publishedVersion')}>
          <span data-testid="faq-entry-version">{e.publishedVersion ?? t('faq.neverPublished')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('faq.updatedAt')}>{dayjs(e.updatedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        {e.businessType && <Descriptions.Item label={t('faq.businessType')}>{e.businessType}</Descriptions.Item>}
        {e.tags.length > 0 && (
          <Descriptions.Item label={t('faq.tags')}>
            {e.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
      {e.retired && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('faq.retiredBecause', { reason: e.retired.reason, by: e.retired.by })} />}
      {canEdit && e.status !== 'retired' ? (
        <Editor key={e.id} entry={e} canPublish={canPublish} />
      ) : (
        <Card size="small" title={t('faq.answer')}>
          {e.alternatives.length > 0 && (
            <Typography.Paragraph type="secondary">
              {t('faq.alternatives')}：{e.alternatives.join('；')}
            </Typography.Paragraph>
          )}
          <FaqAnswer markup={e.answer} />
        </Card>
      )}
      <Versions entry={e} />
      <FaqExamples entryId={e.id} />
      {seesEffect && e.publishedVersion !== null && <EntryEffect entryId={e.id} />}
    </>
  );
}

function Editor({ entry, canPublish }: { entry: FaqEntryDetail; canPublish: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EntryFormValues>();
  const update = useUpdateFaq(entry.id);
  const submit = useFaqStep(entry.id, 'submit');
  const publish = useFaqStep(entry.id, 'publish');
  const retire = useFaqStep(entry.id, 'retire');
  const feedback = useFeedback();
  const [stale, setStale] = useState(false);
  const [step, setStep] = useState<'publish' | 'retire' | null>(null);
  const [reason, setReason] = useState('');
  const [dirty, setDirty] = useState(false);
  // The revision the form's text is based on: a save carries it, so a change by someone else in between is a 409.
  const [base, setBase] = useState(entry.revision);

  useEffect(() => {
    if (!dirty && !stale) {
      form.setFieldsValue(valuesOf(entry));
      setBase(entry.revision);
    }
  }, [entry, dirty, stale, form]);

  const save = (values: EntryFormValues, revision = base) =>
    update.mutate(
      { ...values, businessType: values.businessType || null, revision },
      {
        onSuccess: (saved) => {
          setStale(false);
          setDirty(false);
          setBase(saved.revision);
          feedback.onSuccess();
        },
        onError: (error) => {
          if (errorCode(error) === 'FAQ_STALE') setStale(true);
        },
      },
    );

  return (
    <Card size="small" title={t('faq.workingCopy')} style={{ marginBottom: 16 }}>
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="faq-stale"
          title={t('faq.staleTitle')}
          description={
            <>
              <Typography.Paragraph>{t('faq.staleHelp', { answer: entry.answer })}</Typography.Paragraph>
              <VersionDiff before={entry.answer} after={form.getFieldValue('answer') ?? ''} testId="faq-stale-diff" />
              <Space>
                <Button type="primary" onClick={() => save(form.getFieldsValue(), entry.revision)} data-testid="faq-keep-mine">
                  {t('faq.keepMine')}
                </Button>
                <Button
                  onClick={() => {
                    setStale(false);
                    setDirty(false);
                  }}
                  data-testid="faq-take-theirs"
                >
                  {t('faq.takeTheirs')}
                </Button>
              </Space>
            </>
          }
        />
      )}
      <Form form={form} layout="vertical" initialValues={valuesOf(entry)} onValuesChange={() => setDirty(true)} onFinish={(values) => save(values)}>
        <EntryFields />
        {update.error && errorCode(update.error) !== 'FAQ_STALE' ? <ServerErrorAlert error={update.error} /> : null}
        <Space wrap>
          <Button htmlType="submit" type="primary" loading={update.isPending} data-testid="faq-save">
            {t('common.save')}
          </Button>
          {entry.status === 'draft' && (
            <Button disabled={dirty} loading={submit.isPending} onClick={() => submit.mutate({ revision: base }, feedback)} data-testid="faq-submit">
              {t('faq.submitForReview')}
            </Button>
          )}
          {canPublish && entry.status !== 'published' && (
            <Button disabled={dirty} onClick={() => setStep('publish')} data-testid="faq-publish">
              {t('faq.publish')}
            </Button>
          )}
          <Button danger onClick={() => setStep('retire')} data-testid="faq-retire">
            {t('faq.retire')}
          </Button>
        </Space>
      </Form>
      {step && (
        <Modal
          open
          title={step === 'publish' ? t('faq.publish') : t('faq.retire')}
          onCancel={() => setStep(null)}
          okButtonProps={{ disabled: step === 'retire' && !reason.trim(), 'data-testid': 'faq-step-ok' } as ButtonProps}
          confirmLoading={publish.isPending || retire.isPending}
          onOk={() =>
            (step === 'publish' ? publish : retire).mutate(
              { revision: base, reason: reason.trim() || undefined },
              {
                onSuccess: () => {
                  setStep(null);
                  setReason('');
                  feedback.onSuccess();
                },
                onError: feedback.onError,
              },
            )
          }
        >
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(ev) => setReason(ev.target.value)}
            placeholder={step === 'publish' ? t('faq.publishReason') : t('faq.retireReason')}
            data-testid="faq-step-reason"
          />
        </Modal>
      )}
    </Card>
  );
}

function Versions({ entry }: { entry: FaqEntryDetail }) {
  const { t } = useTranslation();
  const versions = entry.versions;
  const [from, setFrom] = useState<number | undefined>(versions[1]?.version);
  const [to, setTo] = useState<number | undefined>(versions[0]?.version);
  if (!versions.length) return null;
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  const options = versions.map((v) => ({ value: v.version, label: `v${v.version}` }));
  return (
    <Card size="small" title={t('faq.versions')}>
      <Table<FaqVersion>
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={versions}
        columns={[
          { title: t('faq.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          { title: t('faq.publishedBy'), dataIndex: 'publishedBy' },
          { title: t('faq.publishedAt'), dataIndex: 'publishedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
          { title: t('faq.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
        ]}
        data-testid="faq-versions"
      />
      {versions.length > 1 && (
        <div style={{ marginTop: 16 }} data-testid="faq-diff">
          <Space style={{ marginBottom: 8 }}>
            {t('faq.compare')}
            <Select style={{ width: 90 }} value={from} onChange={setFrom} options={options} data-testid="faq-diff-from" />→
            <Select style={{ width: 90 }} value={to} onChange={setTo} options={options} data-testid="faq-diff-to" />
          </Space>
          {a && b && (
            <>
              <Typography.Text strong>{t('faq.question')}</Typography.Text>
              <VersionDiff before={a.question} after={b.question} />
              <Typography.Text strong>{t('faq.answer')}</Typography.Text>
              <VersionDiff before={a.answer} after={b.answer} testId="faq-diff-answer" />
            </>
          )}
        </div>
      )}
    </Card>
  );
}

export default FaqEntryRoute;
