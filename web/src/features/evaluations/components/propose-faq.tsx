import { Alert, App, Button, type ButtonProps, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaqListItem } from '#shared/api/faq';
import { useFaqSearch, useProposeFaq } from '#web/api/faq';
import { formatTime } from '#web/components/call-player';
import { FaqAnswer, Highlighted } from '#web/components/faq/faq-text';
import { ServerErrorAlert } from '#web/components/server-error-alert';

interface Props {
  recordingId: string;
  evaluationId: string;
  code: string;
  at: number | null;
  note: string;
  onClose(): void;
}

interface Values {
  question: string;
  answer?: string;
  note?: string;
}

/**
 * "The answer was wrong or missing": the inspector searches the FAQ, then proposes a change to the entry
 * found or a new entry, linked to this call, its evaluation, the failed item and the defect's moment.
 */
export function ProposeFaqModal({ recordingId, evaluationId, code, at, note, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [entry, setEntry] = useState<FaqListItem | null>(null);
  const found = useFaqSearch({ q, page: 1, pageSize: 5 }, q.length > 0);
  const propose = useProposeFaq();

  const send = (values: Values) =>
    propose.mutate(
      {
        recordingId,
        evaluationId,
        code,
        at: at ?? undefined,
        entryId: entry?.id,
        question: values.question,
        answer: values.answer || undefined,
        note: values.note || undefined,
      },
      {
        onSuccess: () => {
          void message.success(t('faq.proposed'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      width={640}
      title={t('faq.proposeTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('faq.propose')}
      confirmLoading={propose.isPending}
      okButtonProps={{ 'data-testid': 'propose-faq-submit' } as ButtonProps}
      data-testid="propose-faq"
    >
      <Typography.Paragraph type="secondary">
        {t('faq.proposeHelp')} {at !== null && `（${code} · ${formatTime(at)}）`}
      </Typography.Paragraph>
      <Input.Search placeholder={t('faq.proposeSearch')} allowClear onSearch={(value) => setQ(value.trim())} data-testid="propose-faq-search" />
      {q && (
        <List
          size="small"
          loading={found.isLoading}
          dataSource={found.data?.items ?? []}
          style={{ maxHeight: 240, overflowY: 'auto', margin: '8px 0' }}
          renderItem={(item) => (
            <List.Item
              data-testid="propose-faq-result"
              actions={[
                <Button
                  key="pick"
                  size="small"
                  onClick={() => {
                    setEntry(item);
                    form.setFieldsValue({ question: item.question, answer: item.answer });
                  }}
                  data-testid="propose-faq-pick"
                >
                  {t('faq.proposeExisting')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={<Highlighted text={item.question} ranges={item.highlights.question} />}
                description={<FaqAnswer markup={item.answer} ranges={item.highlights.answer} />}
              />
            </List.Item>
          )}
        />
      )}
      {entry && (
        <Alert
          type="info"
          style={{ margin: '8px 0' }}
          title={t('faq.proposeChanging', { question: entry.question })}
          action={
            <Button size="small" onClick={() => setEntry(null)}>
              {t('faq.proposeNewInstead')}
            </Button>
          }
        />
      )}
      <Form form={form} layout="vertical" initialValues={{ note }} onFinish={send} style={{ marginTop: 12 }}>
        <Form.Item name="question" label={t('faq.proposeQuestion')} rules={[{ required: true, whitespace: true, message: t('faq.questionRequired') }]}>
          <Input maxLength={500} data-testid="propose-faq-question" />
        </Form.Item>
        <Form.Item name="answer" label={t('faq.proposeAnswer')}>
          <Input.TextArea rows={3} maxLength={20000} data-testid="propose-faq-answer" />
        </Form.Item>
        <Form.Item name="note" label={t('faq.proposeNote')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="propose-faq-note" />
        </Form.Item>
      </Form>
      {propose.error ? <ServerErrorAlert error={propose.error} /> : null}
    </Modal>
  );
}
