// Only the parts of ECharts the indicator charts use, registered once (keeps the chunk small).
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, MarkPointComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkPointComponent, SVGRenderer]);

export { echarts };
