/** Only the parts of ECharts the cadence chart needs; imported lazily by cadence-chart.tsx. */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

export { init };
