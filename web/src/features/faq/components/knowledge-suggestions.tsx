import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FaqSuggestion } from '#shared/api/faq';
import { formatTime } from '#web/components/call-player';
import { FormModal } from '#web/components/form-modal';
import { paths } from '#web/config/paths';
import { useCreateFaq } from '../api/faq-entries';
import { EntryFields, type EntryFormValues } from './entry-form';

/**
 * Knowledge items failing as a common problem, that no proposal may have named: each with the teams
 * where it is common and what inspectors wrote on the failed items; "write an entry" opens a new draft
 * tagged with the item.
 */
export function KnowledgeSuggestions({ suggestions }: { suggestions: FaqSuggestion[] }) {
  const { t } = useTranslation();
  const [writing, setWriting] = useState<FaqSuggestion | null>(null);
  const create = useCreateFaq();
  const navigate = useNavigate();
  if (!suggestions.length) return null;
  return (
    <Card size="small" title={t('faq.suggestions.title')} style={{ marginBottom: 16 }} data-testid="faq-suggestions">
      <Typography.Paragraph type="secondary">{t('faq.suggestions.help', { from: suggestions[0].from, to: suggestions[0].to })}</Typography.Paragraph>
      <List
        dataSource={suggestions}
        renderItem={(s) => (
          <List.Item
            data-testid="faq-suggestion"
            actions={[
              <Button key="write" size="small" onClick={() => setWriting(s)} data-testid="faq-suggestion-write">
                {t('faq.suggestions.write')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color="purple">{s.project}</Tag>
                  <span data-testid="faq-suggestion-item">
                    {s.code} {s.title}
                  </span>
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  <Typography.Text data-testid="faq-suggestion-teams">
                    {s.teams.map((team) => t('faq.suggestions.team', { team: team.team, agents: team.agents, failures: team.failures })).join('；')}
                  </Typography.Text>
                  {s.comments.map((c, i) => (
                    <Typography.Text key={i} type="secondary">
                      「{c.text}」（{c.team}
                      {c.at !== null && ` · ${formatTime(c.at)}`}）
                    </Typography.Text>
                  ))}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {writing && (
        <FormModal<EntryFormValues>
          title={t('faq.suggestions.writeTitle', { item: `${writing.code} ${writing.title}` })}
          initialValues={{ tags: [writing.title], alternatives: [] }}
          submitting={create.isPending}
          error={create.error}
          onClose={() => setWriting(null)}
          onSubmit={(values) =>
            create.mutate({ ...values, businessType: values.businessType || null }, { onSuccess: (entry) => void navigate(paths.faqEntry.getHref(entry.id)) })
          }
          data-testid="faq-suggestion-create"
        >
          <EntryFields />
        </FormModal>
      )}
    </Card>
  );
}
