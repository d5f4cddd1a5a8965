import { theme } from 'antd';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build (STACK.md trap 11): under Vite 8 the CommonJS lib/core arrives as the module object.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { TrendBucket, TrendPoint } from '../api/trend';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type TrendMeasure = 'score' | 'fatal';

/** A bucket's label on the axis: 10-14 for a day, the Monday for a week, 2026-10 for a month. */
export const bucketLabel = (bucket: TrendBucket, point: Pick<TrendPoint, 'from' | 'to'>) =>
  bucket === 'month' ? point.from.slice(0, 7) : bucket === 'week' ? `${point.from.slice(5)}~${point.to.slice(5)}` : point.from.slice(5);

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * One measure over the period, a point per bucket with its 95 % band drawn as a stacked area (the low
 * end, then the width on top of it), and the previous period's figure as a dashed line. A click on a
 * point opens the evaluations of that bucket.
 */
export function TrendChart({
  measure,
  bucket,
  points,
  previous,
  onPick,
}: {
  measure: TrendMeasure;
  bucket: TrendBucket;
  points: readonly TrendPoint[];
  /** The previous period's figure (a mean score, or a fatal share as a fraction). */
  previous?: number | null;
  onPick?: (point: TrendPoint) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  // Fatal shares are drawn as percentages.
  const scale = measure === 'fatal' ? 100 : 1;
  const value = (p: TrendPoint) => (measure === 'score' ? p.averageScore : p.fatalRate);
  const band = (p: TrendPoint) => (measure === 'score' ? p.scoreInterval : p.fatalInterval);
  const scaled = (x: number | null) => (x === null ? null : round(x * scale, 2));
  const lows = points.map((p) => scaled(band(p).low));
  const widths = points.map((p) => {
    const { low, high } = band(p);
    return low === null || high === null ? null : round((high - low) * scale, 2);
  });
  const color = measure === 'score' ? token.colorPrimary : token.colorError;
  const name = measure === 'score' ? t('dashboard.averageScore') : t('dashboard.fatalRate');
  const unit = measure === 'fatal' ? ' %' : '';
  const option = {
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    legend: { data: [name, t('dashboard.band')], top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const p = points[params[0]?.dataIndex ?? 0];
        if (!p) return '';
        const v = scaled(value(p));
        const { low, high } = band(p);
        const interval = low === null || high === null ? t('dashboard.noInterval') : `${scaled(low)}${unit} ~ ${scaled(high)}${unit}`;
        return [
          p.from === p.to ? p.from : `${p.from} ~ ${p.to}`,
          `${name}: ${v === null ? '—' : `${v}${unit}`}`,
          `${t('dashboard.band')}: ${interval}`,
          `${t('dashboard.evaluations')}: ${p.evaluations}`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => bucketLabel(bucket, p)) },
    yAxis: measure === 'score' ? { type: 'value', min: 0, max: 100 } : { type: 'value', min: 0, axisLabel: { formatter: '{value} %' } },
    series: [
      { name: 'low', type: 'line', stack: `band-${measure}`, data: lows, lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } },
      {
        name: t('dashboard.band'),
        type: 'line',
        stack: `band-${measure}`,
        data: widths,
        lineStyle: { opacity: 0 },
        areaStyle: { color, opacity: 0.15 },
        itemStyle: { color },
        symbol: 'none',
        silent: true,
      },
      {
        name,
        type: 'line',
        data: points.map((p) => scaled(value(p))),
        itemStyle: { color },
        symbolSize: 7,
        // Days without evaluations have no point; the line runs on across them so the trend reads as one.
        connectNulls: true,
        markLine:
          previous === null || previous === undefined
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: token.colorTextSecondary },
                label: { formatter: t('dashboard.previousLine'), position: 'insideEndTop' },
                data: [{ yAxis: scaled(previous) }],
              },
      },
    ],
  };
  return (
    <div data-testid={`dashboard-trend-${measure}`} data-buckets={points.length} data-evaluations={points.reduce((sum, p) => sum + p.evaluations, 0)}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 280 }}
        onEvents={{
          click: (param: { dataIndex: number; seriesIndex: number }) => {
            if (param.seriesIndex === 2 && points[param.dataIndex]) onPick?.(points[param.dataIndex]);
          },
        }}
      />
    </div>
  );
}
