/**
 * One chart, drawn by the platform's renderer. process.env.TARO_ENV is a build-time constant, so the branch of
 * the other platform is dropped with its imports: the H5 bundle never holds the mini-program's ECharts build
 * (reached only through the weapp page config) and the weapp bundle never holds echarts/core.
 */
import { lazy, Suspense } from 'react'
import { View } from '@tarojs/components'
import type { ChartCanvasProps } from './chart-canvas-props'
import { WeappChart } from './weapp-chart'

// Lazy in H5: ECharts loads with the first chart, not with the page shell.
const H5Chart = process.env.TARO_ENV === 'h5' ? lazy(() => import('./h5-chart')) : null

export function ChartCanvas({ option, id, tall = false }: ChartCanvasProps & { tall?: boolean }) {
  return (
    <View className={`chart-canvas${tall ? ' chart-canvas--tall' : ''}`}>
      {H5Chart !== null ? (
        <Suspense fallback={null}>
          <H5Chart option={option} id={id} />
        </Suspense>
      ) : (
        <WeappChart option={option} id={id} />
      )}
    </View>
  )
}
