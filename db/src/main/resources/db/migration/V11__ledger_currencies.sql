-- The ledger counts money in assets and in fiat currencies a provider collected (a card payment in RUB):
-- postings.asset holds either code. held_by names the provider instance holding the money for the store
-- (null: Paymux's own addresses), so the balance can say which part of it a provider holds.
comment on column postings.asset is 'currency code: an asset (USDT_TRC20, BTC, ...) or a fiat code (RUB, USD, ...)';
alter table postings add column held_by text;
create index journal_entries_key_prefix on journal_entries (idempotency_key text_pattern_ops);
