/** JSX typing of the charts subpackage's native `ec-canvas` component (src/subpackages/charts/components/ec-canvas). */
import 'react'
import type { ChartOption } from './options'

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ec-canvas': {
        option: ChartOption
        'data-testid'?: string
      }
    }
  }
}
