-- Payments held by a third-party provider: which instance, its id for the payment, and what it last said.
create table provider_payments (
    payment_id    uuid primary key references payments (id),
    instance      text not null,
    external_id   text not null,
    secret        text,
    raw_status    text,
    payment_url   text,
    final         boolean not null default false,
    next_check_at timestamptz,
    checks        integer not null default 0,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    unique (instance, external_id)
);
create index provider_payments_due on provider_payments (next_check_at) where not final;

-- Every callback a provider sent, verified or not, applied or not: the operator's record, and the
-- replay guard (one row per instance and dedupe key).
create table provider_callbacks (
    id             bigserial primary key,
    instance       text not null,
    received_at    timestamptz not null,
    verified       boolean not null,
    reject_reason  text,
    dedupe_key     text,
    external_id    text,
    payment_id     uuid references payments (id),
    raw_status     text,
    outcome        text not null,
    body           text not null
);
create unique index provider_callbacks_dedupe on provider_callbacks (instance, dedupe_key) where dedupe_key is not null;
create index provider_callbacks_recent on provider_callbacks (id desc);

-- A store may hand its payments to one provider instance instead of taking them natively.
alter table stores add column provider_instance text;
