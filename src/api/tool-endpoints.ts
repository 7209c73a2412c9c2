/** The 工具 routes (contract/actions.ts Tools), bound only in the tools subpackage (features/tools/api.ts). */
import type {
  CardBinRequest,
  CardBinResponse,
  HealthCheckRequest,
  HealthCheckResponse,
  OrderLookupRequest,
  OrderLookupResponse,
} from '@contract/actions'
import type { ApiRequest } from './transport'

export function toolEndpoints(request: ApiRequest) {
  return {
    lookupOrders: (body: OrderLookupRequest) => request<OrderLookupResponse>({ method: 'POST', path: '/api/tools/order-status', body }),
    checkCardBins: (body: CardBinRequest) => request<CardBinResponse>({ method: 'POST', path: '/api/tools/card-bins', body }),
    checkSiteHealth: (body: HealthCheckRequest) => request<HealthCheckResponse>({ method: 'POST', path: '/api/tools/health-check', body }),
  }
}

export type ToolEndpoints = ReturnType<typeof toolEndpoints>
