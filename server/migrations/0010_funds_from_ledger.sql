-- 0010: the funds figures follow from the ledger by one rule (docs/reconciliation.md "## Funds").
-- 结算方式 becomes a key the client translates (contract/funds.ts SETTLEMENT_METHODS), never display text; and
-- every stored snapshot was computed by an older rule, so it is marked stale: the next read recomputes it.
update fund_balances set settlement_method = 'weekly-t7', as_of = timestamptz 'epoch';
