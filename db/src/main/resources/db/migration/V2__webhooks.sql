-- Webhook endpoint state per store: the secret in use, the previous one during a rotation's grace
-- period, and whether a 410 Gone disabled the endpoint.
alter table stores
    add column webhook_secret_previous            text,
    add column webhook_secret_previous_expires_at timestamptz,
    add column webhook_disabled_at                timestamptz,
    add column webhook_disabled_reason            text;

-- The outbox: one row per event, written in the transaction of the status change that caused it.
-- state: pending (to send), delivered, failed (gave up), held (endpoint disabled), skipped (not sent).
create table webhook_events (
    id               uuid primary key,
    seq              bigserial not null unique,
    store_id         uuid not null references stores (id),
    payment_id       uuid references payments (id),
    type             text not null,
    body             text not null,
    created_at       timestamptz not null,
    state            text not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    lease_until      timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz,
    state_reason     text
);
create index webhook_events_due on webhook_events (next_attempt_at, seq) where state = 'pending';
create index webhook_events_payment on webhook_events (payment_id, seq) where state in ('pending', 'held');
create index webhook_events_store on webhook_events (store_id, seq desc);

-- Every delivery attempt, for the delivery log.
create table webhook_attempts (
    id           bigserial primary key,
    event_id     uuid not null references webhook_events (id),
    attempt      integer not null,
    started_at   timestamptz not null,
    duration_ms  integer not null,
    url          text,
    status_code  integer,
    error        text
);
create index webhook_attempts_event on webhook_attempts (event_id, id);
