import { theme } from 'antd';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: under Vite 8 the CommonJS lib/core's default import arrives as the module object (React error 130).
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { sourceLabel } from '#web/components/evaluation';
import type { Evaluation } from '../api/agent-evaluations';

// Only the parts drawn here (STACK.md trap 11: the whole of ECharts is a ~2 MB chunk).
echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export interface TrendPoint {
  evaluation: Evaluation;
  /** When the call started (ISO 8601). */
  at: string;
  score: number;
}

/** Scores in time order, one point per evaluation; fatal ones red, the mean as a dashed line. */
export function ScoreTrend({ points, mean }: { points: readonly TrendPoint[]; mean: number }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const english = i18n.resolvedLanguage === 'en';
  const tooltip = (p: TrendPoint) =>
    [
      `${t('evaluations.callTime')}: ${new Date(p.at).toLocaleString(i18n.resolvedLanguage)}`,
      `${t('agentPage.score')}: <b>${p.score}</b>${p.evaluation.fatal ? ` (${t('agentPage.fatal')})` : ''}`,
      `${sourceLabel(p.evaluation.source, t)} · ${p.evaluation.inspectorName || p.evaluation.inspector}`,
    ].join('<br/>');
  const fatal = points.filter((p) => p.evaluation.fatal);
  const option = {
    grid: { left: 40, right: 40, top: 40, bottom: 30 },
    legend: { data: [t('agentPage.score'), t('agentPage.fatal')], top: 0 },
    tooltip: {
      trigger: 'item',
      formatter: (param: { seriesIndex: number; dataIndex: number }) => tooltip(param.seriesIndex === 0 ? points[param.dataIndex] : fatal[param.dataIndex]),
    },
    xAxis: {
      type: 'time',
      axisLabel: {
        hideOverlap: true,
        formatter: {
          year: '{yyyy}',
          month: '{MM}-{dd}',
          day: '{MM}-{dd}',
          hour: '{MM}-{dd} {HH}:{mm}',
          minute: '{HH}:{mm}',
          second: '{HH}:{mm}:{ss}',
          millisecond: '{HH}:{mm}:{ss}',
        },
      },
    },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        name: t('agentPage.score'),
        type: 'line',
        data: points.map((p) => [p.at, p.score]),
        symbolSize: 7,
        itemStyle: { color: token.colorPrimary },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: token.colorTextSecondary },
          label: { formatter: t('agentPage.meanLine', { mean }), position: 'insideStartTop' },
          data: [{ yAxis: mean }],
        },
      },
      {
        name: t('agentPage.fatal'),
        type: 'scatter',
        data: fatal.map((p) => [p.at, p.score]),
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: token.colorError },
        z: 3,
      },
    ],
  };
  return (
    <div data-testid="agent-score-trend" data-points={points.length} data-fatal={fatal.length}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge opts={{ locale: english ? 'EN' : 'ZH' }} style={{ height: 320 }} />
    </div>
  );
}
