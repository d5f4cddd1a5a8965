import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportSummary } from '../api/summary';
import { percent, score } from './format';

/** Change against the previous period, in the figure's own unit: 「较上期 +2.5」; nothing when either side has no figure. */
function Change({ now, before, format }: { now: number | null; before: number | null | undefined; format: (v: number) => string }) {
  const { t } = useTranslation();
  if (now === null || before === null || before === undefined) return null;
  const delta = now - before;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 8 }} data-testid="dashboard-change">
      {t('dashboard.change', { value: `${delta >= 0 ? '+' : ''}${format(delta)}` })}
    </Typography.Text>
  );
}

/**
 * The headline of `GET /api/reports/summary`: evaluations, average score and fatal rate, each against
 * the period before when given. The dashboard and the supervisor's home show it from the same query.
 */
export function SummaryHeadline({
  summary,
  before,
  testIdPrefix,
  onOpenEvaluations,
  onOpenFatal,
}: {
  summary: ReportSummary;
  before?: ReportSummary;
  /** `dashboard` gives `dashboard-evaluations`, `dashboard-average`, `dashboard-fatal-rate`. */
  testIdPrefix: string;
  onOpenEvaluations?: () => void;
  /** Opens the fatal evaluations; offered only when there are some. */
  onOpenFatal?: () => void;
}) {
  const openFatal = summary.fatalRate ? onOpenFatal : undefined;
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Card hoverable={!!onOpenEvaluations} onClick={onOpenEvaluations} data-testid={`${testIdPrefix}-evaluations`} data-value={summary.evaluations}>
          <Statistic
            title={t('dashboard.evaluations')}
            value={summary.evaluations}
            suffix={<Change now={summary.evaluations} before={before?.evaluations} format={(v) => String(v)} />}
          />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card data-testid={`${testIdPrefix}-average`} data-value={summary.averageScore ?? ''}>
          <Statistic
            title={t('dashboard.averageScore')}
            value={score(summary.averageScore)}
            suffix={<Change now={summary.averageScore} before={before?.averageScore} format={(v) => v.toFixed(1)} />}
          />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card hoverable={!!openFatal} onClick={openFatal} data-testid={`${testIdPrefix}-fatal-rate`} data-value={summary.fatalRate ?? ''}>
          <Statistic
            title={t('dashboard.fatalRate')}
            value={percent(summary.fatalRate)}
            suffix={<Change now={summary.fatalRate} before={before?.fatalRate} format={(v) => `${(v * 100).toFixed(1)} %`} />}
          />
        </Card>
      </Col>
    </Row>
  );
}
