import { useCallback } from 'react';
import { EChart, type EChartsModule } from '../../../components/ui/echart.tsx';

/** ECharts with only what the radar needs. */
const loadECharts = () => import('./echarts-radar.ts') as Promise<EChartsModule>;

/** A radar of the nine orientations (0–5); the table beside it carries the same numbers. */
export function RadarChart({ axes, label }: { axes: { name: string; value: number | null }[]; label: string }) {
  const option = useCallback(
    (width: number) => ({
      radar: {
        indicator: axes.map((a) => ({ name: a.name, max: 5 })),
        // Narrow screens leave less room for the axis names around the radar.
        radius: width < 480 ? '42%' : '62%',
        splitNumber: 5,
        axisName: { color: '#334155', fontSize: width < 480 ? 10 : 11 },
        splitLine: { lineStyle: { color: '#cbd5e1' } },
        splitArea: { areaStyle: { color: ['#f8fafc', '#ffffff'] } },
      },
      series: [
        {
          type: 'radar',
          data: [{ value: axes.map((a) => a.value ?? 0), name: label }],
          areaStyle: { color: 'rgba(29, 78, 216, 0.2)' },
          lineStyle: { color: '#1d4ed8', width: 2 },
          itemStyle: { color: '#1d4ed8' },
        },
      ],
    }),
    [axes, label],
  );
  return (
    <EChart
      load={loadECharts}
      option={option}
      className="h-72 w-full sm:h-80"
      testId="orientation-radar"
      fallback="The chart could not be drawn; the table shows the same profile."
    />
  );
}
