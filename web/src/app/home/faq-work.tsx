import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFaqSearch } from '#web/api/faq';
import { useFaqInbox } from '#web/features/faq/api/faq-entries';
import { paths } from '#web/config/paths';
import { WorkFigure } from './work-figure';

/** The FAQ page's own first page for a status filter, so the home's count is that page's total. */
const firstPage = (status: 'draft' | 'in_review') => ({ status, page: 1, pageSize: 20 });

/**
 * The FAQ maintainer's part (seed 11.11): the proposals inspectors sent from calls, waiting in his
 * inbox (grouped when several calls show the same gap), the knowledge items failing as a common
 * problem (a gap nobody proposed to fill), the entries waiting for review, and his
 * drafts not yet sent.
 */
export function FaqWork() {
  const { t } = useTranslation();
  const inbox = useFaqInbox();
  const review = useFaqSearch(firstPage('in_review'));
  const drafts = useFaqSearch(firstPage('draft'));
  const groups = inbox.data?.groups ?? [];
  const proposals = groups.reduce((sum, group) => sum + group.proposals.length, 0);
  return (
    <Card title={t('home.faqWork.title')} style={{ marginBottom: 24 }} data-testid="home-faq-work">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <WorkFigure
            testId="home-faq-proposals"
            title={t('home.faqWork.proposals')}
            value={inbox.data ? proposals : undefined}
            suffix={t('home.units.proposals')}
            hint={inbox.data ? t('home.faqWork.groups', { count: groups.length }) : undefined}
            loading={inbox.isPending}
            to={paths.faqInbox.getHref()}
          />
        </Col>
        <Col xs={24} md={6}>
          <WorkFigure
            testId="home-faq-suggestions"
            title={t('home.faqWork.suggestions')}
            value={inbox.data?.suggestions.length}
            suffix={t('home.units.items')}
            hint={t('home.faqWork.suggestionsHint')}
            loading={inbox.isPending}
            to={paths.faqInbox.getHref()}
          />
        </Col>
        <Col xs={12} md={6}>
          <WorkFigure
            testId="home-faq-review"
            title={t('home.faqWork.inReview')}
            value={review.data?.total}
            suffix={t('home.units.entries')}
            loading={review.isPending}
            to={paths.faq.getHref({ status: 'in_review' })}
          />
        </Col>
        <Col xs={12} md={6}>
          <WorkFigure
            testId="home-faq-drafts"
            title={t('home.faqWork.drafts')}
            value={drafts.data?.total}
            suffix={t('home.units.entries')}
            loading={drafts.isPending}
            to={paths.faq.getHref({ status: 'draft' })}
          />
        </Col>
      </Row>
    </Card>
  );
}
