import { theme, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A mean with its 95 % interval on a shared score scale: the shaded band is the interval, the dark
 * mark the mean. Red when the interval is too wide to grade on.
 */
export function IntervalBar({
  mean,
  low,
  high,
  min,
  max = 100,
  wide,
}: {
  mean: number | null;
  low: number | null;
  high: number | null;
  min: number;
  max?: number;
  wide: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const width = 180;
  const x = (v: number) => ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * width;
  if (mean === null) return <span style={{ color: token.colorTextTertiary }}>—</span>;
  const colour = wide ? token.colorError : token.colorPrimary;
  const title = low !== null && high !== null ? t('sampling.confidence.barTitle', { mean, low, high }) : t('sampling.confidence.barSingle', { mean });
  return (
    <Tooltip title={title}>
      <svg width={width} height={18} role="img" aria-label={title} data-testid="interval-bar" style={{ display: 'block' }}>
        <rect x={0} y={8} width={width} height={2} fill={token.colorFillSecondary} />
        {low !== null && high !== null && <rect x={x(low)} y={4} width={Math.max(2, x(high) - x(low))} height={10} rx={2} fill={colour} opacity={0.3} />}
        <rect x={x(mean) - 1.5} y={1} width={3} height={16} fill={colour} />
      </svg>
    </Tooltip>
  );
}
