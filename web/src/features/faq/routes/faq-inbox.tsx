import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatTime } from '#web/components/call-player';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { PageSpin } from '#web/components/page-spin';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { useFeedback } from '#web/lib/feedback';
import { type FaqProposal, useDecideProposal, useFaqInbox } from '../api/faq-entries';
import { KnowledgeSuggestions } from '../components/knowledge-suggestions';

/**
 * The FAQ maintainers' inbox: inspectors' pending proposals from calls, grouped when several calls show
 * the same gap (the same entry, or the same question once normalised), the gaps most calls show first.
 * Accepting one turns it into a draft entry (or opens the entry it changes). Above them, the knowledge
 * items failing as a common problem, where the FAQ may have a gap nobody proposed to fill.
 */
export function FaqInboxRoute() {
  const { t } = useTranslation();
  const inbox = useFaqInbox();
  if (inbox.isError) return <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />;
  if (!inbox.data) return <PageSpin />;
  return (
    <>
      <PageHeader title={t('faq.inbox')} />
      <KnowledgeSuggestions suggestions={inbox.data.suggestions} />
      {inbox.data.groups.length === 0 ? (
        <Empty description={t('faq.inboxEmpty')} />
      ) : (
        inbox.data.groups.map((group) => (
          <Card
            key={group.key}
            size="small"
            style={{ marginBottom: 16 }}
            data-testid="faq-inbox-group"
            title={
              <Space>
                {group.entryId ? <Tag color="blue">{t('faq.proposalEdit')}</Tag> : <Tag color="green">{t('faq.proposalNew')}</Tag>}
                <span data-testid="faq-inbox-question">{group.question}</span>
                <Tag data-testid="faq-inbox-count">{t('faq.calls', { count: group.proposals.length })}</Tag>
              </Space>
            }
          >
            <List dataSource={group.proposals} renderItem={(p) => <Proposal proposal={p} />} />
          </Card>
        ))
      )}
    </>
  );
}

function Proposal({ proposal: p }: { proposal: FaqProposal }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useDecideProposal('accept');
  const reject = useDecideProposal('reject');
  const feedback = useFeedback();
  const canPlay = useCan('recording.read');
  const moment = p.at === null ? '' : formatTime(p.at);
  return (
    <List.Item
      data-testid="faq-proposal"
      actions={[
        <Button
          key="accept"
          type="primary"
          size="small"
          loading={accept.isPending}
          onClick={() =>
            accept.mutate(
              { id: p.id },
              { onSuccess: (done) => done.acceptedEntryId && void navigate(paths.faqEntry.getHref(done.acceptedEntryId)), onError: feedback.onError },
            )
          }
          data-testid="faq-proposal-accept"
        >
          {t('faq.accept')}
        </Button>,
        <Button key="reject" size="small" loading={reject.isPending} onClick={() => reject.mutate({ id: p.id }, feedback)} data-testid="faq-proposal-reject">
          {t('faq.reject')}
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <span>{p.question}</span>
            {p.code && <Tag>{p.code}</Tag>}
          </Space>
        }
        description={
          <Space direction="vertical" size={0}>
            <Typography.Text type="secondary">
              {t('faq.proposedBy', { by: p.proposedBy, agent: p.agent, team: p.team, at: dayjs(p.createdAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
            {canPlay ? (
              <Link to={paths.recording.getHref(p.recordingId, { t: p.at })} data-testid="faq-proposal-call">
                {t('faq.playCall', { at: moment })}
              </Link>
            ) : (
              // A maintainer reads no recordings: he hears this call through the proposal, from its moment.
              <Space>
                <Typography.Text type="secondary">{t('faq.callAt', { at: moment })}</Typography.Text>
                <audio
                  controls
                  preload="none"
                  src={`/api/faq-proposals/${encodeURIComponent(p.id)}/audio#t=${p.at ?? 0}`}
                  aria-label={t('faq.playCall', { at: moment })}
                  data-testid="faq-proposal-audio"
                />
              </Space>
            )}
            {p.note && <Typography.Text>{p.note}</Typography.Text>}
            {p.answer && <Typography.Text type="secondary">{t('faq.proposedAnswer', { answer: p.answer })}</Typography.Text>}
          </Space>
        }
      />
    </List.Item>
  );
}

export default FaqInboxRoute;
