import type { ChartOption } from './options'

export interface ChartCanvasProps {
  option: ChartOption
  /** Unique on the page (the chart type): names the canvas. */
  id: string
}
