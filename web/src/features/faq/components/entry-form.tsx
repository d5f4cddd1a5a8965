import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

export interface EntryFormValues {
  question: string;
  answer: string;
  tags: string[];
  alternatives: string[];
  businessType?: string;
}

/** The fields of an entry: question, answer in simple markup, alternative phrasings, tags, business type. */
export function EntryFields() {
  const { t } = useTranslation();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <>
      <Form.Item name="question" label={t('faq.question')} rules={required(t('faq.questionRequired'))}>
        <Input maxLength={500} data-testid="faq-question" />
      </Form.Item>
      <Form.Item name="answer" label={t('faq.answer')} extra={t('faq.markupHelp')} rules={required(t('faq.answerRequired'))}>
        <Input.TextArea rows={6} maxLength={20000} data-testid="faq-answer-input" />
      </Form.Item>
      <Form.Item name="alternatives" label={t('faq.alternatives')}>
        <Select mode="tags" open={false} tokenSeparators={['\n']} data-testid="faq-alternatives" />
      </Form.Item>
      <Form.Item name="tags" label={t('faq.tags')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，']} data-testid="faq-tags" />
      </Form.Item>
      <Form.Item name="businessType" label={t('faq.businessType')}>
        <Input maxLength={64} data-testid="faq-business-type" />
      </Form.Item>
    </>
  );
}
