import { Button, Drawer, Empty, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFaqSearch } from '#web/api/faq';
import { FaqAnswer, Highlighted } from './faq-text';

/**
 * "What should the agent have said?": the published FAQ searched beside a call (the scoring workspace,
 * a coaching item), so an inspector or a team lead judges the agent's answer against the answer the
 * centre requires. Read only; the FAQ page itself is for the maintainers.
 */
export function FaqLookup() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const found = useFaqSearch({ q, status: 'published', page: 1, pageSize: 10 }, open && q.length > 0);
  return (
    <>
      <Button autoInsertSpace={false} onClick={() => setOpen(true)} data-testid="faq-lookup">
        {t('faqLookup.open')}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} size={520} title={t('faqLookup.title')} data-testid="faq-lookup-drawer">
        <Typography.Paragraph type="secondary">{t('faqLookup.help')}</Typography.Paragraph>
        <Input.Search placeholder={t('faqLookup.placeholder')} allowClear autoFocus onSearch={(value) => setQ(value.trim())} data-testid="faq-lookup-search" />
        {q && (
          <List
            loading={found.isLoading}
            dataSource={found.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('faqLookup.noMatch')} /> }}
            style={{ marginTop: 12 }}
            renderItem={(item) => (
              <List.Item data-testid="faq-lookup-result">
                <List.Item.Meta
                  title={<Highlighted text={item.question} ranges={item.highlights.question} />}
                  description={
                    <>
                      <FaqAnswer markup={item.answer} ranges={item.highlights.answer} />
                      {item.tags.map((tag) => (
                        <Tag key={tag}>{tag}</Tag>
                      ))}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
