/**
 * The H5 renderer: ECharts itself (only the parts in echarts-setup.ts) on a DOM node. Inits once, redraws on
 * each new option, follows the node's width, and disposes on unmount so a closed card leaks no canvas.
 */
import { useEffect, useRef } from 'react'
import type { ChartCanvasProps } from './chart-canvas-props'
import { init, type EChartsCoreOption, type EChartsType } from './echarts-setup'

export default function H5Chart({ option, id }: ChartCanvasProps) {
  const host = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType>()

  useEffect(() => {
    const element = host.current
    if (element === null) return undefined
    const instance = init(element, undefined, { renderer: 'canvas' })
    chart.current = instance
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => instance.resize()) : undefined
    observer?.observe(element)
    return () => {
      observer?.disconnect()
      instance.dispose()
      chart.current = undefined
    }
  }, [])

  useEffect(() => {
    // notMerge: a new filter or tab replaces the whole chart rather than blending series of the old one in.
    const ecOption: EChartsCoreOption = { ...option }
    chart.current?.setOption(ecOption, true)
  }, [option])

  return <div ref={host} className='chart-canvas__host' data-testid={`chart-canvas-${id}`} />
}
