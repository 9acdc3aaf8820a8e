import { useEffect, useRef, useState } from 'react';
import type { Rhythm } from '../../../../shared/contracts/events.ts';

/** ECharts with only bars, loaded on first use so the main bundle stays small. */
const loadECharts = () => import('./echarts-bars.ts');

export const monthLabel = (m: string) => new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));

/**
 * Regular and special events per month, stacked. Decorative for assistive technology: the
 * table next to it carries the same numbers.
 */
export function CadenceChart({ months }: { months: Rhythm['months'] }) {
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
        const narrow = el.current.clientWidth < 480;
        c.setOption({
          animation: false,
          grid: { left: 32, right: 8, top: 36, bottom: 28 },
          legend: { top: 0, textStyle: { color: '#334155' } },
          xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month)), axisLabel: { color: '#334155', fontSize: narrow ? 9 : 11, interval: narrow ? 1 : 0 } },
          yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#334155' }, splitLine: { lineStyle: { color: '#e2e8f0' } } },
          series: [
            { name: 'Regular', type: 'bar', stack: 'events', data: months.map((m) => m.regular), itemStyle: { color: '#1d4ed8' } },
            { name: 'Special', type: 'bar', stack: 'events', data: months.map((m) => m.special), itemStyle: { color: '#d97706' } },
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
  }, [months]);
  if (failed) return <p className="text-sm text-slate-600">The chart could not be drawn; the table shows the same numbers.</p>;
  return <div ref={el} aria-hidden="true" className="h-64 w-full" data-testid="cadence-chart" />;
}
