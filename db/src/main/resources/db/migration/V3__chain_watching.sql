-- Watcher progress: the last fully processed block per watcher, and recent block hashes for reorg checks.
create table chain_cursors (
    watcher     text primary key,
    height      bigint not null,
    hash        text,
    position    text,
    updated_at  timestamptz not null
);

create table chain_blocks (
    watcher  text not null,
    height   bigint not null,
    hash     text not null,
    primary key (watcher, height)
);

-- Every transfer a watcher reported, once per (chain, tx, index), and what became of it.
-- match: payment | late (after expiry, inside the monitoring window) | unmatched (for the operator).
create table chain_transfers (
    id              bigserial primary key,
    chain           text not null,
    tx_hash         text not null,
    idx             integer not null,
    asset           text not null,
    to_address      text not null,
    amount          numeric(38, 18) not null check (amount > 0),
    block_height    bigint,
    block_hash      text,
    block_time      timestamptz not null,
    confirmations   integer not null default 0,
    finalized       boolean not null default false,
    dropped_at      timestamptz,
    drop_reason     text,
    generation      integer not null default 1,
    payment_id      uuid references payments (id),
    store_id        uuid references stores (id),
    match           text not null,
    first_seen_at   timestamptz not null,
    updated_at      timestamptz not null,
    unique (chain, tx_hash, idx)
);
create index chain_transfers_waiting on chain_transfers (chain) where not finalized and dropped_at is null;
create index chain_transfers_block on chain_transfers (chain, block_hash) where dropped_at is null;
create index chain_transfers_payment on chain_transfers (payment_id, id);
create index chain_transfers_match on chain_transfers (match, id desc);

create index payments_receiving on payments (asset, lower(pay_address))
    where status in ('pending', 'confirming', 'underpaid', 'expired');

-- The operator's commission on what a store receives.
alter table stores add column commission_percent numeric(7, 4) not null default 0
    check (commission_percent >= 0 and commission_percent < 100);

-- Payouts the operator recorded: available -> withdrawn.
create table payouts (
    id          uuid primary key,
    store_id    uuid not null references stores (id),
    asset       text not null,
    amount      numeric(38, 18) not null check (amount > 0),
    reference   text not null,
    note        text,
    created_at  timestamptz not null,
    unique (store_id, reference)
);
create index postings_entry on postings (entry_id);

-- Spring Integration's JDBC lock registry: leader election, so one instance runs each chain watcher.
create table int_lock (
    lock_key      char(36) not null,
    region        varchar(100) not null,
    client_id     char(36),
    created_date  timestamp not null,
    expired_after timestamp not null,
    constraint int_lock_pk primary key (lock_key, region)
);
