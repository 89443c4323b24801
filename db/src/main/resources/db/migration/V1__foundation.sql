-- Accounts own stores; each store has its own credentials and settings.
create table accounts (
    id          uuid primary key,
    name        text not null,
    created_at  timestamptz not null default now()
);

create table stores (
    id                          uuid primary key,
    account_id                  uuid not null references accounts (id),
    name                        text not null,
    api_key                     text not null unique,
    api_secret                  text not null,
    webhook_url                 text,
    webhook_secret              text not null,
    pricing_currency            text not null default 'USD',
    lifetime_seconds            integer not null default 1800 check (lifetime_seconds > 0),
    underpaid_tolerance_percent numeric(5, 2) not null default 0,
    created_at                  timestamptz not null default now()
);

-- Enabled pay-in assets of a store, in the order the store lists them.
create table store_assets (
    store_id  uuid not null references stores (id) on delete cascade,
    asset     text not null,
    position  integer not null,
    primary key (store_id, asset)
);

-- The operator-imported pool of receiving addresses.
create table receiving_addresses (
    id          bigserial primary key,
    store_id    uuid not null references stores (id) on delete cascade,
    asset       text not null,
    address     text not null,
    created_at  timestamptz not null default now(),
    unique (store_id, asset, address)
);

create table payments (
    id                  uuid primary key,
    store_id            uuid not null references stores (id),
    order_id            text,
    status              text not null,
    price_amount        numeric(38, 18) not null,
    price_currency      text not null,
    price_kind          text not null,
    asset               text,
    amount_requested    numeric(38, 18),
    amount_with_cents   numeric(38, 18),
    address_id          bigint references receiving_addresses (id),
    pay_address         text,
    amount_received     numeric(38, 18) not null default 0,
    tx_hash             text,
    confirmations       integer not null default 0,
    confirmed_at        timestamptz,
    rate_fiat           text,
    rate                numeric(38, 18),
    rate_source         text,
    rate_as_of          timestamptz,
    metadata            text,
    selection_token     text unique,
    expires_at          timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint not null default 0
);

-- One payment per order id in a store: the idempotency key of create.
create unique index payments_store_order on payments (store_id, order_id) where order_id is not null;
-- No two open payments on one address expect the same amount.
create unique index payments_open_slot on payments (address_id, amount_with_cents)
    where status in ('pending', 'confirming');
create index payments_store_created on payments (store_id, created_at desc, id);
create index payments_due on payments (expires_at) where status in ('selecting', 'queued', 'pending');
create index payments_queued on payments (store_id, asset, created_at, id) where status = 'queued';

-- The timeline of a payment: every status change, in order.
create table payment_events (
    id           bigserial primary key,
    payment_id   uuid not null references payments (id),
    from_status  text,
    to_status    text not null,
    reason       text,
    at           timestamptz not null
);
create index payment_events_payment on payment_events (payment_id, id);

-- Double-entry ledger: entries of postings that sum to zero per asset, one entry per idempotency key.
create table journal_entries (
    id               bigserial primary key,
    idempotency_key  text not null unique,
    description      text,
    created_at       timestamptz not null default now()
);

create table postings (
    id        bigserial primary key,
    entry_id  bigint not null references journal_entries (id),
    store_id  uuid not null references stores (id),
    kind      text not null,
    asset     text not null,
    amount    numeric(38, 18) not null
);
create index postings_store on postings (store_id, asset, kind);

-- Operator tokens for the admin API; only their SHA-256 is kept.
create table operator_tokens (
    id          bigserial primary key,
    token_hash  text not null unique,
    label       text not null,
    created_at  timestamptz not null default now()
);
