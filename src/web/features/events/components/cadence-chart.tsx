import { useCallback } from 'react';
import type { Rhythm } from '../../../../shared/contracts/events.ts';
import { EChart, type EChartsModule } from '../../../components/ui/echart.tsx';

/** ECharts with only bars. */
const loadECharts = () => import('./echarts-bars.ts') as Promise<EChartsModule>;

export const monthLabel = (m: string) => new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));

/** Regular and special events per month, stacked; the table next to it carries the same numbers. */
export function CadenceChart({ months }: { months: Rhythm['months'] }) {
  const option = useCallback(
    (width: number) => {
      const narrow = width < 480;
      return {
        grid: { left: 32, right: 8, top: 36, bottom: 28 },
        legend: { top: 0, textStyle: { color: '#334155' } },
        xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month)), axisLabel: { color: '#334155', fontSize: narrow ? 9 : 11, interval: narrow ? 1 : 0 } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#334155' }, splitLine: { lineStyle: { color: '#e2e8f0' } } },
        series: [
          { name: 'Regular', type: 'bar', stack: 'events', data: months.map((m) => m.regular), itemStyle: { color: '#1d4ed8' } },
          { name: 'Special', type: 'bar', stack: 'events', data: months.map((m) => m.special), itemStyle: { color: '#d97706' } },
        ],
      };
    },
    [months],
  );
  return <EChart load={loadECharts} option={option} className="h-64 w-full" testId="cadence-chart" fallback="The chart could not be drawn; the table shows the same numbers." />;
}
