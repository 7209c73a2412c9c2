/**
 * The mini-program renderer: the subpackage's native ec-canvas component (registered in the charts page's
 * usingComponents), which draws the option with the custom ECharts build. Only plain data crosses to it.
 */
import type { ChartCanvasProps } from './chart-canvas-props'

export function WeappChart({ option, id }: ChartCanvasProps) {
  // Only single-word props: Taro writes a native component's props into the template as they are named in JSX,
  // and its host size comes from the component's own :host style inside the sized .chart-canvas box.
  return <ec-canvas option={option} data-testid={`chart-canvas-${id}`} />
}
