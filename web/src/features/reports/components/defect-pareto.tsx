import { theme } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: under Vite 8 the CommonJS lib/core's default import arrives as the module object (React error 130).
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { SummaryItem } from '../api/summary';

// Only the parts drawn here (STACK.md trap 11).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Items by number of failures, most first, with the cumulative share of all failures as a line; a click opens that item's code. */
export function DefectPareto({ items, onPick }: { items: readonly SummaryItem[]; onPick?: (code: string) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const failing = [...items].filter((i) => i.failures > 0).sort((a, b) => b.failures - a.failures || a.code.localeCompare(b.code));
  const total = failing.reduce((sum, i) => sum + i.failures, 0);
  let running = 0;
  const cumulative = failing.map((i) => {
    running += i.failures;
    return Math.round((1000 * running) / total) / 10;
  });
  const option = {
    grid: { left: 48, right: 48, top: 40, bottom: 40 },
    legend: { data: [t('dashboard.failures'), t('dashboard.cumulative')], top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: failing.map((i) => i.code) },
    yAxis: [
      { type: 'value', name: t('dashboard.failures'), minInterval: 1 },
      { type: 'value', name: '%', max: 100, min: 0 },
    ],
    series: [
      { name: t('dashboard.failures'), type: 'bar', data: failing.map((i) => i.failures), itemStyle: { color: token.colorError } },
      { name: t('dashboard.cumulative'), type: 'line', yAxisIndex: 1, data: cumulative, itemStyle: { color: token.colorPrimary } },
    ],
  };
  return (
    <div data-testid="defect-pareto" data-codes={failing.map((i) => i.code).join(',')}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        style={{ height: 320 }}
        onEvents={{ click: (param: { dataIndex: number }) => onPick?.(failing[param.dataIndex].code) }}
      />
    </div>
  );
}
