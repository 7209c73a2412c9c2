/**
 * Every route's JSON schemas say what the wire types of contract/ say. A schema and its type are written apart,
 * and nothing at run time compares them: Fastify validates requests against the schema while the mini-program is
 * typed by contract/, and its serializer silently drops a response field the schema does not name. So each pair is
 * compared here, at the type level, with json-schema-to-ts's FromSchema: `npm run typecheck` (tsc over
 * tests/server) fails on a disagreement; the vitest run itself checks nothing more. See docs/wire-shapes.md.
 *
 * Requests (query, params, body) must agree exactly: the schema is what the server accepts. Responses must agree
 * once string literals are widened (`Loose`): a response schema's plain `string` stands for a type's literal union
 * (the serializer writes any string), and an object that does not forbid other properties serializes only the
 * ones it names, so its open index signature is no field.
 */
import type { FromSchema, JSONSchema } from 'json-schema-to-ts'
import { describe, expectTypeOf, it } from 'vitest'
import type { AdminAccountActions, AdminMerchant, CreateAccountRequest, MiniProgramAccount, UpdateAccountRequest } from '@contract/admin'
import type {
  AdminActionsPage,
  CardBinRequest,
  CardBinResponse,
  HealthCheckRequest,
  HealthCheckResponse,
  OrderLookupRequest,
  OrderLookupResponse,
  RefundLimitsRequest,
  TrackingUploadRequest,
  TrackingUploadResponse,
} from '@contract/actions'
import type { ApiError, HealthResponse, HealthUnavailableResponse } from '@contract/api'
import type { HeartbeatResponse, LoginRequest, LoginResponse, SessionProfile } from '@contract/auth'
import type { ChartResponse, ChartsQuery, ChartType } from '@contract/charts'
import type { FundsResponse } from '@contract/funds'
import type { MarkReadResponse, MessageDetail, MessagesPage, MessagesQuery, ReadAllBody } from '@contract/messages'
import type { MeResponse } from '@contract/me'
import type { SettlementDetail, SettlementRowsPage, SettlementRowsQuery, SettlementsPage, SettlementsQuery } from '@contract/settlements'
import type { TodoQuery, TodosResponse } from '@contract/todos'
import type { TransactionDetail, TransactionsFilter, TransactionsPage, TransactionsQuery } from '@contract/transactions'
import * as admin from '../../../server/src/routes/admin/schemas'
import * as auth from '../../../server/src/routes/auth/schemas'
import * as invitationPreview from '../../../server/src/routes/auth/invitation'
import * as invitations from '../../../server/src/routes/admin/invitations'
import type { AdminInvitation, AdminInvitationsResponse, CreateInvitationRequest, InvitationPreview } from '@contract/invitations'
import * as charts from '../../../server/src/routes/charts/schemas'
import * as funds from '../../../server/src/routes/funds/schemas'
import * as health from '../../../server/src/routes/health/schemas'
import * as me from '../../../server/src/routes/me/schemas'
import * as messages from '../../../server/src/routes/messages/schemas'
import { emptyQuery, errorResponse } from '../../../server/src/routes/read-schemas'
import * as settlements from '../../../server/src/routes/settlements/schemas'
import * as todos from '../../../server/src/routes/todos/schemas'
import * as tools from '../../../server/src/routes/tools/schemas'
import * as transactions from '../../../server/src/routes/transactions/schemas'

/** What a request schema accepts. A defaulted property stays optional: the client may leave it out. */
type Accepted<S extends JSONSchema> = FromSchema<S, { keepDefaultedPropertiesOptional: true }>

/** What a response schema writes, compared as `Loose`. */
type Written<S extends JSONSchema> = Loose<FromSchema<S>>

/** String, number and boolean literals widened; open index signatures (`unknown` values) left out. */
type Loose<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends null | undefined
        ? T
        : T extends ReadonlyArray<infer E>
          ? Array<Loose<E>>
          : { [K in keyof T as string extends K ? (unknown extends T[K] ? never : K) : K]: Loose<T[K]> }

/** The body of a read route's 4xx: no `merchants` (only the login's 409 has them, sent without a schema), no action fields. */
type ReadError = { error: Omit<ApiError, 'merchants' | 'failure' | 'triesLeft'> }

/** An object schema without properties that refuses others (a route that takes no query, an empty body). */
type Nothing = Record<never, never>

describe('wire shapes: each schema says what its type in contract/ says', () => {
  it('transactions', () => {
    expectTypeOf<Accepted<typeof transactions.listQuerySchema>>().toEqualTypeOf<TransactionsQuery>()
    expectTypeOf<Accepted<typeof transactions.transactionFilterSchema>>().toEqualTypeOf<TransactionsFilter>()
    expectTypeOf<Accepted<typeof transactions.paymentIdParams>>().toEqualTypeOf<{ paymentId: string }>()
    expectTypeOf<Written<typeof transactions.pageSchema>>().toEqualTypeOf<Loose<TransactionsPage>>()
    expectTypeOf<Written<typeof transactions.detailSchema>>().toEqualTypeOf<Loose<TransactionDetail>>()
    expectTypeOf<Written<typeof errorResponse>>().toEqualTypeOf<Loose<ReadError>>()
  })

  it('settlements', () => {
    expectTypeOf<Accepted<typeof settlements.querySchema>>().toEqualTypeOf<SettlementsQuery>()
    expectTypeOf<Accepted<typeof settlements.batchNoParams>>().toEqualTypeOf<{ batchNo: string }>()
    expectTypeOf<Written<typeof settlements.pageSchema>>().toEqualTypeOf<Loose<SettlementsPage>>()
    expectTypeOf<Written<typeof settlements.detailSchema>>().toEqualTypeOf<Loose<SettlementDetail>>()
    expectTypeOf<Accepted<typeof settlements.rowsQuerySchema>>().toEqualTypeOf<SettlementRowsQuery>()
    expectTypeOf<Written<typeof settlements.rowsPageSchema>>().toEqualTypeOf<Loose<SettlementRowsPage>>()
  })

  it('to-dos, funds and me', () => {
    expectTypeOf<Accepted<typeof emptyQuery>>().toEqualTypeOf<Nothing>()
    expectTypeOf<Accepted<typeof todos.querySchema>>().toEqualTypeOf<TodoQuery>()
    expectTypeOf<Written<typeof todos.responseSchema>>().toEqualTypeOf<Loose<TodosResponse>>()
    expectTypeOf<Written<typeof funds.responseSchema>>().toEqualTypeOf<Loose<FundsResponse>>()
    expectTypeOf<Written<typeof me.responseSchema>>().toEqualTypeOf<Loose<MeResponse>>()
  })

  it('charts', () => {
    expectTypeOf<Accepted<typeof charts.paramsSchema>>().toEqualTypeOf<{ type: ChartType }>()
    expectTypeOf<Accepted<typeof charts.querySchema>>().toEqualTypeOf<ChartsQuery>()
    expectTypeOf<Written<typeof charts.responseSchema>>().toEqualTypeOf<Loose<ChartResponse>>()
  })

  it('messages', () => {
    expectTypeOf<Accepted<typeof messages.querySchema>>().toEqualTypeOf<MessagesQuery>()
    expectTypeOf<Accepted<typeof messages.idParams>>().toEqualTypeOf<{ id: string }>()
    // JSON null and no body at all both mean "every kind".
    expectTypeOf<Accepted<typeof messages.readAllBody>>().toEqualTypeOf<ReadAllBody | null>()
    expectTypeOf<Written<typeof messages.pageSchema>>().toEqualTypeOf<Loose<MessagesPage>>()
    expectTypeOf<Written<typeof messages.detailSchema>>().toEqualTypeOf<Loose<MessageDetail>>()
    expectTypeOf<Written<typeof messages.markSchema>>().toEqualTypeOf<Loose<MarkReadResponse>>()
  })

  it('health, login and sessions', () => {
    expectTypeOf<Written<typeof health.okSchema>>().toEqualTypeOf<Loose<HealthResponse>>()
    expectTypeOf<Written<typeof health.unavailableSchema>>().toEqualTypeOf<Loose<HealthUnavailableResponse>>()
    expectTypeOf<Accepted<typeof auth.loginBodySchema>>().toEqualTypeOf<LoginRequest>()
    expectTypeOf<Written<typeof auth.loginResponseSchema>>().toEqualTypeOf<Loose<LoginResponse>>()
    expectTypeOf<Written<typeof auth.heartbeatResponseSchema>>().toEqualTypeOf<Loose<HeartbeatResponse>>()
    expectTypeOf<Written<typeof auth.profileSchema>>().toEqualTypeOf<Loose<SessionProfile>>()
    expectTypeOf<Accepted<(typeof auth.emptyBodySchema)['content']['application/json']['schema']>>().toEqualTypeOf<Nothing>()
  })

  it('the admin API', () => {
    expectTypeOf<Accepted<typeof admin.merchantParamsSchema>>().toEqualTypeOf<{ account: string }>()
    expectTypeOf<Accepted<typeof admin.accountParamsSchema>>().toEqualTypeOf<{ account: string; id: string }>()
    expectTypeOf<Accepted<typeof admin.createAccountBodySchema>>().toEqualTypeOf<CreateAccountRequest>()
    expectTypeOf<Accepted<typeof admin.updateAccountBodySchema>>().toEqualTypeOf<UpdateAccountRequest>()
    expectTypeOf<Written<typeof admin.accountSchema>>().toEqualTypeOf<Loose<MiniProgramAccount & AdminAccountActions>>()
    expectTypeOf<Written<typeof admin.accountListSchema>>().toEqualTypeOf<Loose<Array<MiniProgramAccount & AdminAccountActions>>>()
    expectTypeOf<Written<typeof admin.merchantListSchema>>().toEqualTypeOf<Loose<AdminMerchant[]>>()
    expectTypeOf<Written<typeof admin.actionLogPageSchema>>().toEqualTypeOf<Loose<AdminActionsPage>>()
    expectTypeOf<Accepted<typeof admin.refundLimitsBodySchema>>().toEqualTypeOf<RefundLimitsRequest>()
  })

  it('tracking upload and the tools', () => {
    expectTypeOf<Accepted<typeof tools.trackingUploadBodySchema>>().toEqualTypeOf<TrackingUploadRequest>()
    expectTypeOf<Written<typeof tools.trackingUploadResponseSchema>>().toEqualTypeOf<Loose<TrackingUploadResponse>>()
    expectTypeOf<Accepted<typeof tools.orderLookupBodySchema>>().toEqualTypeOf<OrderLookupRequest>()
    expectTypeOf<Written<typeof tools.orderLookupResponseSchema>>().toEqualTypeOf<Loose<OrderLookupResponse>>()
    expectTypeOf<Accepted<typeof tools.cardBinBodySchema>>().toEqualTypeOf<CardBinRequest>()
    expectTypeOf<Written<typeof tools.cardBinResponseSchema>>().toEqualTypeOf<Loose<CardBinResponse>>()
    expectTypeOf<Accepted<typeof tools.healthCheckBodySchema>>().toEqualTypeOf<HealthCheckRequest>()
    expectTypeOf<Written<typeof tools.healthCheckResponseSchema>>().toEqualTypeOf<Loose<HealthCheckResponse>>()
  })

  it('invitations (issue 15)', () => {
    expectTypeOf<Accepted<typeof invitations.createInvitationBody>>().toEqualTypeOf<CreateInvitationRequest | null>()
    expectTypeOf<Written<typeof invitations.invitationSchema>>().toEqualTypeOf<Loose<AdminInvitation>>()
    expectTypeOf<Written<typeof invitations.invitationListSchema>>().toEqualTypeOf<Loose<AdminInvitationsResponse>>()
    expectTypeOf<Accepted<typeof invitationPreview.previewQuerySchema>>().toEqualTypeOf<{ scene: string }>()
    expectTypeOf<Written<typeof invitationPreview.previewSchema>>().toEqualTypeOf<Loose<InvitationPreview>>()
  })
})
