-- Per-store routing: whether the store's payments are routed across provider instances, and the
-- operator's rules (pin one instance, exclude some, weigh others).
create table store_routing (
    store_id    uuid primary key references stores (id),
    enabled     boolean not null,
    pinned      text,
    excluded    text[] not null default '{}',
    pass_fees   boolean not null default false,
    updated_at  timestamptz not null
);
-- Who changed a store's routing, and to what.
create table store_routing_audit (
    id        bigserial primary key,
    at        timestamptz not null,
    actor     text not null,
    store_id  uuid not null references stores (id),
    detail    text not null
);
create index store_routing_audit_store on store_routing_audit (store_id, id desc);

create table store_routing_weights (
    store_id  uuid not null references store_routing (store_id) on delete cascade,
    instance  text not null,
    weight    integer not null check (weight between 1 and 10000),
    primary key (store_id, instance)
);

-- One routing decision per routed payment: the intent it was made for, every candidate (route_candidates)
-- with its cost or the reason it was not eligible, and the instance that finally holds the payment. routing_until is a
-- lease: while it runs, no second request routes the same payment (so two live provider payments are
-- never made for one Paymux payment).
create table route_decisions (
    payment_id       uuid primary key references payments (id),
    decided_at       timestamptz not null,
    amount           numeric not null,
    currency         text not null,
    pay_currency     text,
    planned          text,
    placed_at        text,
    placed_cost      numeric,
    saving           numeric,
    cost_currency    text,
    routing_until    timestamptz
);
create index route_decisions_decided on route_decisions (decided_at);
create table route_candidates (
    payment_id         uuid not null references route_decisions (payment_id) on delete cascade,
    position           integer not null,
    instance           text not null,
    type               text not null,
    eligible           boolean not null,
    cost               numeric,
    currency           text,
    effective_cost     numeric,
    success_per_mille  integer not null,
    latency_ms         bigint not null,
    reason             text,
    primary key (payment_id, position)
);

-- Every attempt to create a routed payment at an instance, and how it ended: created, rejected (the
-- provider said no: safe to try elsewhere) or abandoned (timeout, 5xx, unreadable answer: the outcome
-- at the provider is unknown, so the attempt is recorded and never linked to the payment).
create table route_attempts (
    id           bigserial primary key,
    payment_id   uuid not null references payments (id),
    instance     text not null,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    outcome      text not null,
    error        text,
    latency_ms   bigint
);
create index route_attempts_recent on route_attempts (instance, started_at desc);
create index route_attempts_payment on route_attempts (payment_id, id);
