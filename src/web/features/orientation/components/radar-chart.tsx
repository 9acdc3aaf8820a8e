import { useEffect, useRef, useState } from 'react';

/** ECharts with only what the radar needs, loaded on first use so the main bundle stays small. */
const loadECharts = () => import('./echarts-radar.ts');

/**
 * A radar of the nine orientations (0–5). The chart is decorative for assistive technology:
 * `describedBy` names the table that carries the same numbers.
 */
export function RadarChart({ axes, label }: { axes: { name: string; value: number | null }[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose: () => void; resize: () => void } | null = null;
    const onResize = () => chart?.resize();
    loadECharts()
      .then((echarts) => {
        if (disposed || !el.current) return;
        const c = echarts.init(el.current, undefined, { renderer: 'svg' });
        c.setOption({
          animation: false,
          radar: {
            indicator: axes.map((a) => ({ name: a.name, max: 5 })),
            // Narrow screens leave less room for the axis names around the radar.
            radius: el.current.clientWidth < 480 ? '42%' : '62%',
            splitNumber: 5,
            axisName: { color: '#334155', fontSize: el.current.clientWidth < 480 ? 10 : 11 },
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
        });
        chart = c;
        window.addEventListener('resize', onResize);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [axes, label]);
  if (failed) return <p className="text-sm text-slate-600">The chart could not be drawn; the table shows the same profile.</p>;
  return <div ref={el} aria-hidden="true" className="h-72 w-full sm:h-80" data-testid="orientation-radar" />;
}
