import { Card, Col, Row, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadError } from '#web/components/errors/load-error';
import { paths } from '#web/config/paths';
import type { ReportSummary } from '../api/summary';
import { useTrend } from '../api/trend';
import { BucketPicker, type DashboardState, listProject } from './period-picker';
import { TrendChart } from './trend-chart';

/** The mean score and the fatal share over the period, a point per bucket; a point opens that bucket's evaluations. */
export function Trend({ project, team, state, before }: { project: string; team?: string; state: DashboardState; before?: ReportSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { period, bucket } = state;
  const trend = useTrend({ project, team, from: period.from, to: period.to, bucket });
  return (
    <Card title={t('dashboard.trend')} extra={<BucketPicker state={state} />}>
      {trend.isPending ? (
        <Spin />
      ) : trend.isError ? (
        <LoadError error={trend.error} onRetry={() => trend.refetch()} />
      ) : (
        <Row gutter={16}>
          {(['score', 'fatal'] as const).map((measure) => (
            <Col xs={24} lg={12} key={measure}>
              <TrendChart
                measure={measure}
                bucket={trend.data.bucket}
                points={trend.data.points}
                previous={measure === 'score' ? before?.averageScore : before?.fatalRate}
                onPick={(point) => navigate(paths.evaluations.getHref({ from: point.from, to: point.to, project: listProject(project), team, calibration: false }))}
              />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
