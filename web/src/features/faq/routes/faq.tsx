import { Button, Card, Empty, Flex, Input, List, Pagination, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useFaqSearch } from '#web/api/faq';
import { LoadError } from '#web/components/errors/load-error';
import { FaqAnswer, Highlighted } from '#web/components/faq/faq-text';
import { FormModal } from '#web/components/form-modal';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { type FaqListItem, type FaqStatus, useCreateFaq } from '../api/faq-entries';
import { EntryFields, type EntryFormValues } from '../components/entry-form';
import { FaqStatusTag } from '../components/status-tag';

const STATUSES: FaqStatus[] = ['draft', 'in_review', 'published', 'retired'];

/**
 * The FAQ for everyone signed in: a search box over the published entries (Traditional or Simplified,
 * any width, punctuation and spaces ignored), what matched highlighted. FAQ maintainers and supervisors
 * see drafts too, filter by status and write new entries.
 */
export function FaqRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = STATUSES.includes(params.get('status') as FaqStatus) ? (params.get('status') as FaqStatus) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const canEdit = useCan('faq.edit');
  const seesDrafts = useCan('faq.readDrafts');
  const list = useFaqSearch({ q: q || undefined, status, page, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const create = useCreateFaq();

  const set = (next: Record<string, string | undefined>) => {
    const merged = { ...Object.fromEntries(params), ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)) as Record<string, string>);
  };

  return (
    <>
      <PageHeader
        title={t('faq.title')}
        extra={
          <Space>
            {seesDrafts && (
              <Select
                allowClear
                style={{ width: 140 }}
                placeholder={t('faq.allStatuses')}
                value={status}
                onChange={(value?: string) => set({ status: value, page: undefined })}
                options={STATUSES.map((s) => ({ value: s, label: t(`faq.statuses.${s}`) }))}
                data-testid="faq-status-filter"
              />
            )}
            {canEdit && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="faq-new">
                {t('faq.new')}
              </Button>
            )}
          </Space>
        }
      />
      <Input.Search
        key={q}
        defaultValue={q}
        allowClear
        enterButton={t('faq.search')}
        placeholder={t('faq.searchPlaceholder')}
        onSearch={(value) => set({ q: value.trim() || undefined, page: undefined })}
        style={{ marginBottom: 16 }}
        data-testid="faq-search"
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="faq-total">
            {t('faq.total', { count: list.data?.total ?? 0 })}
          </Typography.Text>
          <List
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={q ? t('faq.noMatch') : t('faq.empty')} /> }}
            renderItem={(item) => <FaqResult item={item} seesDrafts={seesDrafts} />}
          />
          {(list.data?.total ?? 0) > 20 && (
            <Flex justify="end">
              <Pagination current={page} pageSize={20} total={list.data?.total} onChange={(p) => set({ page: String(p) })} showSizeChanger={false} />
            </Flex>
          )}
        </>
      )}
      {creating && (
        <FormModal<EntryFormValues>
          title={t('faq.new')}
          initialValues={{ tags: [], alternatives: [] }}
          submitting={create.isPending}
          error={create.error}
          onClose={() => setCreating(false)}
          onSubmit={(values) =>
            create.mutate({ ...values, businessType: values.businessType || null }, { onSuccess: (entry) => void navigate(paths.faqEntry.getHref(entry.id)) })
          }
          data-testid="faq-create"
        >
          <EntryFields />
        </FormModal>
      )}
    </>
  );
}

function FaqResult({ item, seesDrafts }: { item: FaqListItem; seesDrafts: boolean }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="faq-result">
      <Card
        size="small"
        style={{ width: '100%' }}
        title={
          <Link to={paths.faqEntry.getHref(item.id)} data-testid="faq-result-question">
            <Highlighted text={item.question} ranges={item.highlights.question} />
          </Link>
        }
        extra={
          <Space size={4}>
            {item.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
            {seesDrafts && <FaqStatusTag status={item.status} />}
          </Space>
        }
      >
        {item.match === 'alternative' && (
          <Typography.Paragraph type="secondary" data-testid="faq-result-alternative">
            {t('faq.matchedAlternative')}
            {item.alternatives.map((a, i) =>
              item.highlights.alternatives[i]?.length ? (
                <span key={i}>
                  「<Highlighted text={a} ranges={item.highlights.alternatives[i]} />」
                </span>
              ) : null,
            )}
          </Typography.Paragraph>
        )}
        <FaqAnswer markup={item.answer} ranges={item.highlights.answer} />
      </Card>
    </List.Item>
  );
}

export default FaqRoute;
