-- The store's public payment widget: who asked for a payment, the web origins allowed to ask, and the
-- token buckets that limit public endpoints per store and per client across every instance.
alter table payments
    add column source text not null default 'api' check (source in ('api', 'widget'));

-- An origin is scheme://host[:port] exactly as a browser sends it in the Origin header. None: widget off.
create table store_widget_origins (
    store_id   uuid not null references stores (id) on delete cascade,
    origin     text not null check (origin ~ '^https?://[^/?#]+$'),
    created_at timestamptz not null default now(),
    primary key (store_id, origin)
);

-- Bucket4j's PostgreSQL proxy table (select-for-update strategy). expires_at is epoch milliseconds, after
-- which a bucket has refilled and its row can be removed.
create table rate_limit_buckets (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_buckets_expiry on rate_limit_buckets (expires_at);
