/** echarts-for-weixin's adapter from a mini-program canvas to the canvas interface zrender draws on. */
declare module 'echarts-for-weixin/src/wx-canvas' {
  export default class WxCanvas {
    constructor(ctx: unknown, canvasId: string, isNew: boolean, canvasNode?: unknown)
    setChart(chart: unknown): void
    getContext(type: '2d'): unknown
  }
}
