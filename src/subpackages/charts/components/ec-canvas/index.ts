/**
 * ec-canvas, the charts subpackage's native component: echarts-for-weixin's canvas adapter (wx-canvas) and touch
 * handling, fed by the custom ECharts build next to it (scripts/build-echarts.ts).
 *
 * Unlike echarts-for-weixin's own component it takes the chart as plain data — an `option` property — instead of
 * an `echarts` object and an `ec.onInit` callback: Taro passes props to a native component through setData,
 * which drops functions, so neither of those would arrive. The option builders emit JSON for this reason.
 */
import WxCanvas from 'echarts-for-weixin/src/wx-canvas'
import * as echarts from './echarts'

type EChart = ReturnType<typeof echarts.init>

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): unknown
}

interface NodeField {
  node?: CanvasNode
  width: number
  height: number
}

interface Touch {
  x: number
  y: number
  offsetX?: number
  offsetY?: number
}

interface TouchEvent {
  touches: Touch[]
  changedTouches?: Touch[]
}

interface ZrHandler {
  dispatch(name: string, event: { zrX: number; zrY: number }): void
  processGesture(event: TouchEvent, stage: 'start' | 'change' | 'end'): void
}

interface Instance {
  data: { option: Record<string, unknown> | null }
  chart?: EChart
  init(): void
  draw(): void
}

/** The slice of the mini-program globals this file uses (WeChat's typings would declare them for all of src/). */
declare const wx: {
  createSelectorQuery(): {
    in(component: unknown): {
      select(selector: string): { fields(fields: { node: boolean; size: boolean }): { exec(callback: (result: Array<NodeField | null>) => void): void } }
    }
  }
  getWindowInfo?: () => { pixelRatio: number }
  getSystemInfoSync(): { pixelRatio: number }
}
declare function Component(definition: Record<string, unknown>): void

// drawImage cannot take a DOM node in the mini-program, so progressive rendering (which uses one) is turned off.
echarts.registerPreprocessor((option) => {
  const series = (option as { series?: unknown }).series
  const list = Array.isArray(series) ? series : series && typeof series === 'object' ? [series] : []
  for (const entry of list as Array<{ progressive?: number }>) entry.progressive = 0
})

function pixelRatio(): number {
  return typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo().pixelRatio : wx.getSystemInfoSync().pixelRatio
}

function handler(chart: EChart): ZrHandler {
  return (chart.getZr() as unknown as { handler: ZrHandler }).handler
}

function withOffsets(event: TouchEvent): TouchEvent {
  for (const touch of event.touches) {
    touch.offsetX = touch.x
    touch.offsetY = touch.y
  }
  return event
}

Component({
  properties: {
    /** An ECharts option (src/features/charts/options); replaced as a whole on every change. */
    option: { type: Object, value: null },
  },
  observers: {
    option(this: Instance) {
      this.draw()
    },
  },
  lifetimes: {
    ready(this: Instance) {
      this.init()
    },
    detached(this: Instance) {
      this.chart?.dispose()
      this.chart = undefined
    },
  },
  methods: {
    init(this: Instance) {
      wx.createSelectorQuery()
        .in(this)
        .select('.ec-canvas')
        .fields({ node: true, size: true })
        .exec((result) => {
          const field = result[0]
          // No canvas node (the component went away before layout, or a runtime without canvas): nothing to draw on.
          if (!field?.node || this.chart) return
          const canvas = new WxCanvas(field.node.getContext('2d'), 'ec-canvas', true, field.node)
          // zrender measures text on a canvas it creates through this hook; any of our canvases will do.
          echarts.setCanvasCreator(() => canvas as unknown as HTMLCanvasElement)
          const chart = echarts.init(canvas as unknown as HTMLElement, undefined, {
            width: field.width,
            height: field.height,
            devicePixelRatio: pixelRatio(),
          })
          canvas.setChart(chart)
          this.chart = chart
          this.draw()
        })
    },
    draw(this: Instance) {
      if (this.chart && this.data.option) this.chart.setOption(this.data.option, true)
    },
    touchStart(this: Instance, event: TouchEvent) {
      const touch = event.touches[0]
      if (!this.chart || !touch) return
      const zr = handler(this.chart)
      zr.dispatch('mousedown', { zrX: touch.x, zrY: touch.y })
      zr.dispatch('mousemove', { zrX: touch.x, zrY: touch.y })
      zr.processGesture(withOffsets(event), 'start')
    },
    touchMove(this: Instance, event: TouchEvent) {
      const touch = event.touches[0]
      if (!this.chart || !touch) return
      const zr = handler(this.chart)
      zr.dispatch('mousemove', { zrX: touch.x, zrY: touch.y })
      zr.processGesture(withOffsets(event), 'change')
    },
    touchEnd(this: Instance, event: TouchEvent) {
      if (!this.chart) return
      const touch = event.changedTouches?.[0] ?? { x: 0, y: 0 }
      const zr = handler(this.chart)
      zr.dispatch('mouseup', { zrX: touch.x, zrY: touch.y })
      zr.dispatch('click', { zrX: touch.x, zrY: touch.y })
      zr.processGesture(withOffsets(event), 'end')
    },
  },
})
