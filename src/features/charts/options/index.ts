/** ChartResponse (+ labels, + the case tab) → an ECharts option, for both the H5 and the mini-program renderer. */
import type { ChartResponse } from '@contract/charts'
import type { CaseTab } from '../catalog'
import type { ChartLabels } from '../labels'
import { caseAnalysisOption } from './case-analysis'
import { countryOption } from './country'
import { cardBrandCasesOption, overviewOption, successRateOption } from './daily'
import { sharesOption } from './shares'
import type { ChartOption } from './types'

export function buildChartOption(response: ChartResponse, labels: ChartLabels, tab: CaseTab = 'chargeback'): ChartOption {
  switch (response.type) {
    case 'overview':
      return overviewOption(response, labels)
    case 'success-rate':
      return successRateOption(response, labels)
    case 'card-brand-cases':
      return cardBrandCasesOption(response, labels, tab)
    case 'case-analysis':
      return caseAnalysisOption(response, labels)
    case 'country':
      return countryOption(response, labels)
    case 'failure-reasons':
    case 'chargeback-reasons':
    case 'logistics':
      return sharesOption(response, labels)
  }
}

export type { ChartOption } from './types'
export { isChartEmpty } from './values'
