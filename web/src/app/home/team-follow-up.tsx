import { Card, Col, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActiveChecklist } from '#web/api/checklists';
import { useUnreadReports } from '#web/features/analysis-reports/api/analysis-reports';
import { useCoachingItems } from '#web/features/coaching/api/coaching-items';
import { useNotices } from '#web/features/rectification/api/notices';
import { paths } from '#web/config/paths';
import { WorkFigure } from './work-figure';

/** The coaching page's own first page of open items: the home shows its total and its first few. */
const OPEN_COACHING = { status: 'open' as const, page: 1, pageSize: 20 };
const SHOWN = 5;

/**
 * The team lead's part (DOMAIN.md workflow 5, 9.9): the coaching items of his teams still open, the
 * first few by name, the rectification notices issued to his teams that wait for his answer, and the
 * published reports of his teams he has not opened yet (11.10).
 */
export function TeamFollowUp() {
  const { t } = useTranslation();
  const coaching = useCoachingItems(OPEN_COACHING);
  const notices = useNotices({ status: 'issued' });
  const unread = useUnreadReports();
  const items = coaching.data?.items.slice(0, SHOWN) ?? [];
  // Items by title where the active checklist has them (a code of an older version stays a code).
  const titles = useActiveChecklist((checklist) => new Map(checklist.sections.flatMap((section) => section.items.map((item) => [item.code, item.title]))));
  const titled = (code: string) => titles.data?.get(code) ?? code;
  return (
    <Card title={t('home.followUp.title')} style={{ marginBottom: 24 }} data-testid="home-follow-up">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <WorkFigure
            testId="home-coaching-open"
            title={t('home.followUp.coaching')}
            value={coaching.data?.total}
            suffix={t('home.units.items')}
            loading={coaching.isPending}
            to={paths.coaching.getHref({ status: 'open' })}
            footer={
              coaching.data && (
                <List
                  size="small"
                  dataSource={items}
                  locale={{ emptyText: t('home.followUp.none') }}
                  renderItem={(item) => (
                    <List.Item data-testid="home-coaching-item">
                      <Link to={paths.coachingItem.getHref(item.id)}>
                        {t('home.followUp.item', { agent: `${item.agentName} (${item.agent})`, codes: item.codes.map(titled).join('、') })}
                      </Link>
                    </List.Item>
                  )}
                  footer={
                    coaching.data.total > SHOWN && (
                      <Typography.Link>
                        <Link to={paths.coaching.getHref({ status: 'open' })}>{t('home.followUp.more', { count: coaching.data.total })}</Link>
                      </Typography.Link>
                    )
                  }
                />
              )
            }
          />
        </Col>
        <Col xs={24} md={6}>
          <WorkFigure
            testId="home-notices-issued"
            title={t('home.followUp.notices')}
            value={notices.data?.total}
            suffix={t('home.units.notices')}
            loading={notices.isPending}
            to={paths.rectificationNotices.getHref({ status: 'issued' })}
          />
        </Col>
        <Col xs={24} md={6}>
          <WorkFigure
            testId="home-reports-unread"
            title={t('home.followUp.reports')}
            value={unread.data?.count}
            suffix={t('home.units.reports')}
            loading={unread.isPending}
            to={paths.analysisReports.getHref()}
          />
        </Col>
      </Row>
    </Card>
  );
}
