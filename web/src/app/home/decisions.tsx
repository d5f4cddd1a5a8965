import { Card, Col, Empty, Row, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { periodAround } from '#shared/reports/periods';
import { useProjects } from '#web/api/projects';
import { LoadError } from '#web/components/errors/load-error';
import { useCalibrationSessions } from '#web/features/calibration/api/calibration';
import { useExportRequests } from '#web/features/exports/api/exports';
import { useSummary } from '#web/features/reports/api/summary';
import { SummaryHeadline } from '#web/features/reports/components/summary-headline';
import { useNotices } from '#web/features/rectification/api/notices';
import { paths } from '#web/config/paths';
import { WorkFigure } from './work-figure';

/**
 * The quality supervisor's part: each project's headline of this month, the dashboard's own query
 * (`GET /api/reports/summary`, the period the dashboard opens on), and what waits for his decision:
 * escalated rectification notices, export requests to approve and calibration sessions ready to reveal.
 */
export function Decisions() {
  const { t } = useTranslation();
  const projects = useProjects();
  const escalated = useNotices({ status: 'escalated' });
  const exports = useExportRequests('pending');
  const ready = useCalibrationSessions('ready');
  const active = (projects.data?.items ?? []).filter((p) => p.active !== false);
  return (
    <Card title={t('home.decisions.title')} style={{ marginBottom: 24 }} data-testid="home-decisions">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {projects.isPending ? (
          <Spin />
        ) : active.length ? (
          active.map((p) => <ProjectHeadline key={p.code} project={p.code} name={p.name} />)
        ) : (
          <Empty description={t('home.decisions.noProjects')} />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={12} md={8}>
            <WorkFigure
              testId="home-notices-escalated"
              title={t('home.decisions.escalated')}
              value={escalated.data?.total}
              suffix={t('home.units.notices')}
              loading={escalated.isPending}
              to={paths.rectificationNotices.getHref({ status: 'escalated' })}
            />
          </Col>
          <Col xs={12} md={8}>
            <WorkFigure
              testId="home-exports-pending"
              title={t('home.decisions.exports')}
              value={exports.data?.total}
              suffix={t('home.units.requests')}
              loading={exports.isPending}
              to={paths.exports.getHref()}
            />
          </Col>
          <Col xs={12} md={8}>
            <WorkFigure
              testId="home-calibration-ready"
              title={t('home.decisions.calibrationReady')}
              hint={t('home.decisions.calibrationReadyHint')}
              value={ready.data?.total}
              suffix={t('home.units.sessions')}
              loading={ready.isPending}
              to={paths.calibrationSessions.getHref({ status: 'ready' })}
            />
          </Col>
        </Row>
      </Space>
    </Card>
  );
}

function ProjectHeadline({ project, name }: { project: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const period = periodAround('month', dayjs().format('YYYY-MM-DD'));
  const summary = useSummary({ project, ...period });
  const dashboard = paths.dashboard.getHref({ project });
  return (
    <div data-testid={`home-summary-${project}`}>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        <Link to={dashboard} data-testid={`home-summary-${project}-link`}>
          {t('home.decisions.headline', { project: name, ...period })}
        </Link>
      </Typography.Paragraph>
      {summary.isPending ? (
        <Spin />
      ) : summary.isError ? (
        <LoadError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <SummaryHeadline summary={summary.data} testIdPrefix={`home-summary-${project}`} onOpenEvaluations={() => void navigate(dashboard)} />
      )}
    </div>
  );
}
