/** The calm banking look of every chart: brand palette, axes, grid and legend shared by the builders. */
import type { AxisOption, ChartOption } from './types'

export const COLORS = {
  blue: '#0b5cff',
  green: '#12b76a',
  red: '#e5484d',
  amber: '#f79009',
  purple: '#7a5af8',
  teal: '#0ba5ec',
  muted: '#8a94a6',
  text: '#5b6475',
  line: '#e6e9f0',
} as const

/** Slices and series in this order: brand blue first, red kept for failures and chargebacks. */
export const PALETTE: string[] = [COLORS.blue, COLORS.teal, COLORS.green, COLORS.amber, COLORS.purple, '#ee46bc', '#5b6475', '#9ca3af']

export const PERCENT_LABEL = '{value}%'

export function baseOption(trigger: 'axis' | 'item', legendAtBottom = false): Pick<ChartOption, 'animation' | 'color' | 'tooltip' | 'legend'> {
  return {
    // A chart redrawn on each filter change should not replay its entrance; it also keeps the canvas still for tests.
    animation: false,
    color: PALETTE,
    tooltip: trigger === 'axis' ? { trigger, confine: true, axisPointer: { type: 'shadow' } } : { trigger, confine: true, formatter: '{b}: {c}' },
    legend: {
      show: true,
      type: 'plain',
      ...(legendAtBottom ? { bottom: 0 } : { top: 0 }),
      left: 'center',
      itemWidth: 12,
      itemHeight: 8,
      textStyle: { color: COLORS.text, fontSize: 11, ...(legendAtBottom ? { width: 110, overflow: 'truncate' as const } : {}) },
    },
  }
}

export const GRID: NonNullable<ChartOption['grid']> = { left: 8, right: 8, top: 36, bottom: 8, containLabel: true }

export function categoryAxis(data: string[]): AxisOption {
  return {
    type: 'category',
    data,
    axisLabel: { hideOverlap: true, color: COLORS.muted, fontSize: 10 },
    axisLine: { lineStyle: { color: COLORS.line } },
    axisTick: { show: false, alignWithLabel: true },
  }
}

export function countAxis(position: 'left' | 'right' = 'left'): AxisOption {
  return {
    type: 'value',
    position,
    minInterval: 1,
    axisLabel: { color: COLORS.muted, fontSize: 10 },
    splitLine: { show: position === 'left', lineStyle: { color: COLORS.line, type: 'dashed' } },
  }
}

/**
 * Rates are percentages with two decimals (contract/charts.ts): the axis says so with a "%" on each tick. `fromZero:
 * false` lets a rate that hovers around 85% use the chart's height instead of a flat line at the top.
 */
export function percentAxis(position: 'left' | 'right', bounds: { max?: number; fromZero?: boolean } = {}): AxisOption {
  return {
    type: 'value',
    position,
    ...(bounds.fromZero === false ? { scale: true } : { min: 0 }),
    ...(bounds.max === undefined ? {} : { max: bounds.max }),
    axisLabel: { formatter: PERCENT_LABEL, color: COLORS.muted, fontSize: 10 },
    splitLine: { show: position === 'left', lineStyle: { color: COLORS.line, type: 'dashed' } },
  }
}

/** `2025-05-08` → `05-08`: a month of days fits under a phone-wide chart; the table keeps the full date. */
export function shortDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.slice(5) : date
}
