-- 0005: the ODPM-side data the pages show: transactions, cases (chargebacks, disputes, fraud, retrievals),
-- settlement batches, fund balances, account managers, messages and their read state.
-- Money is bigint in the minor unit of its currency (JPY has none, most have 2); never floating point.
-- Times are timestamptz; the API shows them in Asia/Shanghai (SPEC §5).

create table transactions (
  payment_id               text primary key,             -- Oceanpayment payment ID
  account                  text not null references merchants (account),
  terminal                 text not null references terminals (terminal),
  order_number             text not null,                -- the merchant's website order number
  payment_time             timestamptz not null,         -- 交易时间
  settlement_time          timestamptz,                  -- 划款时间: when its funds went out in a batch
  -- 交易类型: a sale, or a pre-authorization that is later captured or voided
  txn_type                 text not null check (txn_type in ('sale', 'authorization')),
  -- payment_results: 1 success, 0 failure, -1 pending
  status                   text not null check (status in ('success', 'failure', 'pending')),
  auth_status              text check (auth_status in ('pending', 'captured', 'voided')),
  payment_method           text not null,                -- Credit Card, Alipay, WeChat Pay, …
  card_brand               text,                         -- 卡种: Visa, MasterCard, JCB, American Express, …
  card_country             char(2),                      -- issuing country, ISO 3166-1 alpha-2
  card_masked              text,                         -- first 6 and last 4 only, e.g. 411111******1111
  currency                 char(3) not null,             -- 交易币种
  amount_minor             bigint not null check (amount_minor >= 0),
  booking_currency         char(3) not null,             -- 记账币种
  booking_amount_minor     bigint not null,
  fee_minor                bigint not null default 0,    -- in booking currency
  deposit_minor            bigint not null default 0,    -- 保证金 withheld, in booking currency
  refunded_minor           bigint not null default 0 check (refunded_minor >= 0),  -- in transaction currency
  refund_status            text not null default 'none' check (refund_status in ('none', 'partial', 'full')),
  failure_code             text,                         -- payment_details "code:description" split
  failure_reason           text,
  tracking_number          text,                         -- null: 未上传物流单号
  tracking_site            text,
  delivery_status          text not null default 'pending'
                           check (delivery_status in ('pending', 'in_transit', 'delivered', 'exception')),
  funds_status             text not null default 'unsettled' check (funds_status in ('unsettled', 'settled')),
  funds_batch_no           text,                         -- 划款批次号 of the transaction funds
  deposit_status           text not null default 'unsettled' check (deposit_status in ('unsettled', 'settled')),
  deposit_batch_no         text,
  website                  text,
  updated_at               timestamptz not null default now(),
  check ((txn_type = 'authorization') = (auth_status is not null) or status <> 'success')
);

-- Keyset pages by transaction time and by settlement time, newest first; payment_id breaks ties.
create index transactions_account_time_idx on transactions (account, payment_time desc, payment_id desc);
create index transactions_account_settlement_idx on transactions (account, settlement_time desc, payment_id desc)
  where settlement_time is not null;
create index transactions_account_order_idx on transactions (account, order_number);
create index transactions_funds_batch_idx on transactions (account, funds_batch_no) where funds_batch_no is not null;
create index transactions_deposit_batch_idx on transactions (account, deposit_batch_no) where deposit_batch_no is not null;
-- The 待授权 to-do count and its list.
create index transactions_pending_auth_idx on transactions (account, payment_time desc, payment_id desc)
  where auth_status = 'pending';

-- 拒付 chargebacks, 争议 disputes, 伪冒 fraud reports, 调单 retrieval requests. Open ones are to-dos.
create table order_cases (
  id           bigint generated always as identity primary key,
  account      text not null references merchants (account),
  payment_id   text not null references transactions (payment_id),
  kind         text not null check (kind in ('chargeback', 'dispute', 'fraud', 'retrieval')),
  status       text not null default 'open' check (status in ('open', 'handled')),
  reason_code  text,
  reason       text,
  currency     char(3) not null,
  amount_minor bigint not null check (amount_minor >= 0),
  opened_at    timestamptz not null,
  handled_at   timestamptz,
  -- Where it came from: the generator, a notification (push_id), or the gap-filling business-orders query.
  source       text not null check (source in ('demo', 'notification', 'query')),
  -- Oceanpayment's push_id (or business-order record id) makes a case from several deliveries one case.
  external_id  text,
  unique (account, kind, external_id)
);

create index order_cases_open_idx on order_cases (account, kind, opened_at desc) where status = 'open';
create index order_cases_payment_idx on order_cases (payment_id);

-- 交易划款: weekly transfers of transaction funds and of released deposits, per currency.
create table settlement_batches (
  batch_no        text primary key,                         -- 划款批次号
  account         text not null references merchants (account),
  batch_type      text not null check (batch_type in ('transaction', 'deposit')),   -- 划款类型
  currency        char(3) not null,
  period_start    timestamptz not null,                     -- the transactions it covers
  period_end      timestamptz not null,
  created_at      timestamptz not null,                     -- 生成时间
  settled_at      timestamptz,                              -- 划款时间 (null while pending)
  status          text not null check (status in ('pending', 'transferred')),
  txn_count       integer not null,
  gross_minor     bigint not null,
  fee_minor       bigint not null,
  refund_minor    bigint not null,
  chargeback_minor bigint not null,
  deposit_minor   bigint not null,
  net_minor       bigint not null                           -- may be negative
);

create index settlement_batches_account_created_idx on settlement_batches (account, created_at desc, batch_no desc);
create index settlement_batches_account_settled_idx on settlement_batches (account, settled_at desc, batch_no desc)
  where settled_at is not null;

-- 账户资金明细 per currency, recomputed at most every 30 minutes (SPEC §3.1: data up to 30 minutes old).
create table fund_balances (
  account                     text not null references merchants (account),
  currency                    char(3) not null,
  settlement_method           text not null,      -- 结算方式, e.g. weekly T+7
  period                      text not null,      -- 时间周期 of the current cycle
  settleable_txn_minor        bigint not null,    -- 可结算: 交易款
  settleable_after_fees_minor bigint not null,    --         扣费后参考金额
  settleable_deposit_minor    bigint not null,    --         保证金
  unsettled_txn_minor         bigint not null,    -- 累计未结算: 交易款
  unsettled_after_fees_minor  bigint not null,    --             扣费/押金后参考金额
  unsettled_deposit_minor     bigint not null,    --             保证金
  transferred_txn_minor       bigint not null,    -- 累计划款: 交易款
  transferred_deposit_minor   bigint not null,    --           保证金
  as_of                       timestamptz not null,
  primary key (account, currency)
);

-- 客户经理 shown on the Me page.
create table account_managers (
  account     text primary key references merchants (account),
  name        text not null,
  phone       text not null,
  wecom_id    text not null
);

-- 系统公告 (account null: every merchant), 拒付通知, 伪冒通知, 调单通知.
create table messages (
  id          bigint generated always as identity primary key,
  account     text references merchants (account),
  kind        text not null check (kind in ('announcement', 'chargeback', 'fraud', 'retrieval')),
  title       text not null,
  body        text not null,
  payment_id  text,
  order_number text,
  created_at  timestamptz not null,
  -- Deduplicates messages made from notifications and queries, e.g. 'notice:<push_id>'.
  source_key  text unique
);

create index messages_account_created_idx on messages (account, created_at desc, id desc);

-- Read state is per mini-program account: one staff member reading a notice does not read it for the others.
create table message_reads (
  message_id  bigint not null references messages (id) on delete cascade,
  user_id     text not null,
  read_at     timestamptz not null default now(),
  primary key (user_id, message_id)
);
