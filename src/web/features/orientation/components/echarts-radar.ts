/** Only the parts of ECharts the radar needs; imported lazily by radar-chart.tsx so they stay out of the main bundle. */
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([RadarChart, RadarComponent, SVGRenderer]);

export { init };
