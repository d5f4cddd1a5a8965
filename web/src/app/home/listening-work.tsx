import { Card, Col, Progress, Row } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useEvaluations } from '#web/features/evaluations/api/evaluations';
import { useQueue } from '#web/features/sampling/api/queue';
import { paths } from '#web/config/paths';
import { WorkFigure } from './work-figure';

const DATE = 'YYYY-MM-DD';
/** How far back the home looks for drafts left open (by call date); the link carries the same dates. */
export const DRAFT_DAYS = 90;

/**
 * The listener's part (DOMAIN.md workflow 2–3): today's work is yesterday's calls, sampled this
 * morning; what is still open in the queue; and the drafts he started and did not submit. Each count
 * is the queue or evaluations page's own query with the filters its link opens.
 */
export function ListeningWork() {
  const { t } = useTranslation();
  const day = dayjs().subtract(1, 'day').format(DATE);
  const today = useQueue(day);
  const queue = useQueue();
  const draftFilters = {
    from: dayjs()
      .subtract(DRAFT_DAYS - 1, 'day')
      .format(DATE),
    to: dayjs().format(DATE),
    status: 'draft' as const,
    page: 1,
    pageSize: 20,
  };
  const drafts = useEvaluations(draftFilters);
  const done = today.data?.done ?? 0;
  const total = today.data?.total ?? 0;
  const open = queue.data ? queue.data.total - queue.data.done : undefined;
  return (
    <Card title={t('home.listening.title')} style={{ marginBottom: 24 }} data-testid="home-listening">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <WorkFigure
            testId="home-queue-today"
            title={t('home.listening.day', { date: day })}
            value={today.data ? `${done} / ${total}` : undefined}
            loading={today.isPending}
            to={paths.queue.getHref({ date: day })}
            hint={total ? t('home.listening.dayProgress', { left: total - done }) : today.data ? t('home.listening.dayEmpty', { date: day }) : undefined}
            footer={total > 0 && <Progress percent={Math.round((done / total) * 100)} status={done === total ? 'success' : 'normal'} size="small" />}
          />
        </Col>
        <Col xs={12} md={7}>
          <WorkFigure
            testId="home-queue-open"
            title={t('home.listening.open')}
            value={open}
            suffix={t('home.units.calls')}
            loading={queue.isPending}
            to={paths.queue.getHref()}
          />
        </Col>
        <Col xs={12} md={7}>
          <WorkFigure
            testId="home-drafts"
            title={t('home.listening.drafts')}
            value={drafts.data?.total}
            suffix={t('home.units.drafts')}
            loading={drafts.isPending}
            hint={t('home.listening.draftsHint', { days: DRAFT_DAYS })}
            to={paths.evaluations.getHref({ from: draftFilters.from, to: draftFilters.to, status: 'draft' })}
          />
        </Col>
      </Row>
    </Card>
  );
}
