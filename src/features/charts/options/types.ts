/**
 * The slice of ECharts' option format the builders produce. Plain JSON on purpose: in the mini-program the
 * option crosses setData to the ec-canvas component, where functions (formatters, callbacks) would be dropped,
 * so every formatter here is a string template.
 */
export interface AxisOption {
  type: 'category' | 'value'
  data?: string[]
  name?: string
  min?: number
  max?: number
  scale?: boolean
  minInterval?: number
  position?: 'left' | 'right'
  /** Largest first from the top on a horizontal bar chart. */
  inverse?: boolean
  axisLabel?: { formatter?: string; hideOverlap?: boolean; color?: string; fontSize?: number; rotate?: number; interval?: number }
  axisLine?: { show?: boolean; lineStyle?: { color: string } }
  axisTick?: { show?: boolean; alignWithLabel?: boolean }
  splitLine?: { show?: boolean; lineStyle?: { color: string; type?: 'solid' | 'dashed' } }
}

export interface PieDatum {
  name: string
  value: number
}

export interface SeriesOption {
  type: 'bar' | 'line' | 'pie'
  /** Shown in the legend and tooltip; rate series carry "(%)". */
  name: string
  /** null: no value there (a rate without a denominator), drawn as a gap. */
  data: Array<number | null> | PieDatum[]
  yAxisIndex?: number
  stack?: string
  barMaxWidth?: number
  smooth?: boolean
  /** false: a null breaks the line (ECharts' default too; said explicitly because the gap is the point). */
  connectNulls?: boolean
  showSymbol?: boolean
  symbolSize?: number
  areaStyle?: { opacity: number }
  lineStyle?: { width: number }
  radius?: [string, string]
  center?: [string, string]
  avoidLabelOverlap?: boolean
  label?: { show: boolean; formatter?: string; fontSize?: number; color?: string; position?: 'right' | 'top' }
  labelLine?: { show: boolean; length?: number; length2?: number }
  itemStyle?: { color?: string; borderColor?: string; borderWidth?: number; borderRadius?: number | number[] }
}

export interface ChartOption {
  animation: boolean
  color: string[]
  grid?: { left: number; right: number; top: number; bottom: number; containLabel: boolean }
  tooltip: { trigger: 'axis' | 'item'; confine: boolean; formatter?: string; axisPointer?: { type: 'shadow' | 'line' } }
  legend: {
    show: boolean
    type: 'plain'
    top?: number
    bottom?: number
    left?: string
    itemWidth: number
    itemHeight: number
    textStyle: { color: string; fontSize: number; width?: number; overflow?: 'truncate' }
  }
  xAxis?: AxisOption
  yAxis?: AxisOption[]
  series: SeriesOption[]
}
