/**
 * The one list of ECharts parts the eight chart types need (bar, line, pie; grid, tooltip, legend; canvas).
 * H5 imports this module directly (webpack tree-shakes the rest of ECharts away); for the mini-program,
 * scripts/build-echarts.ts bundles this same module into the ec-canvas component's custom build, so both
 * platforms draw with exactly the same parts.
 */
import { init, registerPreprocessor, setCanvasCreator, use } from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { init, registerPreprocessor, setCanvasCreator }
export type { EChartsCoreOption, EChartsType } from 'echarts/core'
