import { useEffect, useRef, useState } from 'react';

/** What a lazily imported ECharts module (with only the parts a chart needs) exports. */
export interface EChartsModule {
  init: (el: HTMLElement, theme?: string, opts?: { renderer: 'svg' | 'canvas' }) => { setOption: (o: object) => void; resize: () => void; dispose: () => void };
}

interface Props {
  /** Imports the chart's ECharts module on first use, so ECharts stays out of the main bundle. */
  load: () => Promise<EChartsModule>;
  /** The chart's options for the width it gets (narrow screens need smaller labels). */
  option: (width: number) => object;
  className: string;
  testId?: string;
  /** Said instead of the chart if it cannot be drawn; the page's table carries the numbers. */
  fallback: string;
}

/**
 * An ECharts chart, drawn as SVG, resized with the window and disposed with the component.
 * Decorative for assistive technology: each chart sits next to a table with the same numbers.
 */
export function EChart({ load, option, className, testId, fallback }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: ReturnType<EChartsModule['init']> | null = null;
    const onResize = () => chart?.resize();
    load()
      .then((echarts) => {
        if (disposed || !el.current) return;
        chart = echarts.init(el.current, undefined, { renderer: 'svg' });
        chart.setOption({ animation: false, ...option(el.current.clientWidth) });
        window.addEventListener('resize', onResize);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [load, option]);
  if (failed) return <p className="text-sm text-slate-600">{fallback}</p>;
  return <div ref={el} aria-hidden="true" className={className} data-testid={testId} />;
}
