import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RateInterval, RectificationVerdict } from '#shared/rectification/failure-rate';

const VERDICT_COLORS: Record<RectificationVerdict, string> = { improved: 'green', 'not-enough-calls': 'default', 'no-change': 'orange', worse: 'red' };

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

/** A failure rate with its 95 % Wilson interval, as the server computed it. */
export function FailureRate({ value }: { value: RateInterval }) {
  const { t } = useTranslation();
  if (value.calls === 0) return <Typography.Text type="secondary">{t('failureRate.noCalls')}</Typography.Text>;
  return <>{t('failureRate.rate', { rate: percent(value.rate), failures: value.failures, calls: value.calls, low: percent(value.low), high: percent(value.high) })}</>;
}

/** The verdict of comparing a rate before with one since: "improved" only when the intervals part. */
export function FailureRateVerdict({ verdict, testId }: { verdict: RectificationVerdict; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={VERDICT_COLORS[verdict]} data-testid={testId}>
      {t(`failureRate.verdicts.${verdict}`)}
    </Tag>
  );
}
