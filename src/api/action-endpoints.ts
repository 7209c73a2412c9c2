/**
 * The action routes (SPEC §4, contract/actions.ts), as typed functions over a client's `request`. Bound only in the
 * finance subpackage (features/actions/api.ts), so none of it weighs on the main package.
 */
import {
  IDEMPOTENCY_KEY_HEADER,
  type ActionPinState,
  type ActionRecord,
  type AvailableActions,
  type CaptureRequest,
  type PaymentActionsResponse,
  type RefundRequest,
  type SetActionPinRequest,
  type TrackingUploadRequest,
  type TrackingUploadResponse,
  type VoidRequest,
} from '@contract/actions'
import type { ApiRequest } from './transport'

const segment = (value: string) => encodeURIComponent(value)
const keyed = (idempotencyKey: string) => ({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey })

export function actionEndpoints(request: ApiRequest) {
  return {
    fetchAvailableActions: (paymentId: string) =>
      request<AvailableActions>({ method: 'GET', path: `/api/transactions/${segment(paymentId)}/actions/available` }),
    fetchPaymentActions: (paymentId: string) =>
      request<PaymentActionsResponse>({ method: 'GET', path: `/api/transactions/${segment(paymentId)}/actions` }),
    fetchAction: (id: string) => request<ActionRecord>({ method: 'GET', path: `/api/actions/${segment(id)}` }),

    fetchPinState: () => request<ActionPinState>({ method: 'GET', path: '/api/actions/pin' }),
    setPin: (body: SetActionPinRequest) => request<void>({ method: 'PUT', path: '/api/actions/pin', body }),

    refund: (paymentId: string, body: RefundRequest, idempotencyKey: string) =>
      request<ActionRecord>({ method: 'POST', path: `/api/transactions/${segment(paymentId)}/refunds`, body, headers: keyed(idempotencyKey) }),
    capture: (paymentId: string, body: CaptureRequest, idempotencyKey: string) =>
      request<ActionRecord>({ method: 'POST', path: `/api/transactions/${segment(paymentId)}/capture`, body, headers: keyed(idempotencyKey) }),
    voidAuthorization: (paymentId: string, body: VoidRequest, idempotencyKey: string) =>
      request<ActionRecord>({ method: 'POST', path: `/api/transactions/${segment(paymentId)}/void`, body, headers: keyed(idempotencyKey) }),

    uploadTracking: (body: TrackingUploadRequest) =>
      request<TrackingUploadResponse>({ method: 'POST', path: '/api/tracking-uploads', body }),
  }
}

export type ActionEndpoints = ReturnType<typeof actionEndpoints>
