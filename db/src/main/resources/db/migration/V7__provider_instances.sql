-- Provider instances the operator added through the admin API, next to the ones in the application's
-- configuration. Settings are a JSON object of kebab-case keys (nested ones flattened with dots and
-- [i] indices, e.g. "methods[0].currency") to string values, read by the same factories as configuration.
create table provider_instances (
    name        text primary key,
    type        text not null,
    enabled     boolean not null default true,
    settings    jsonb not null default '{}'::jsonb,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    constraint provider_instances_settings_object check (jsonb_typeof(settings) = 'object')
);

-- The operator's fee schedule per pay-in currency of an instance (stored or configured): when present,
-- it takes precedence over what the adapter reports for that currency.
create table provider_fees (
    instance           text not null,
    currency           text not null,
    min                numeric,
    max                numeric,
    percent            numeric not null default 0,
    fixed              numeric not null default 0,
    minimum            numeric not null default 0,
    network_fee        numeric not null default 0,
    fx_spread_percent  numeric not null default 0,
    available          boolean not null default true,
    position           integer not null default 0,
    updated_at         timestamptz not null,
    primary key (instance, currency),
    constraint provider_fees_non_negative check (percent >= 0 and fixed >= 0 and minimum >= 0
        and network_fee >= 0 and fx_spread_percent >= 0 and (min is null or min >= 0) and (max is null or max >= 0)),
    constraint provider_fees_percent check (percent <= 100 and fx_spread_percent <= 100),
    constraint provider_fees_limits check (min is null or max is null or min <= max)
);

-- Who changed which instance or fee schedule, and how; secrets in the detail are masked ("***").
create table provider_instance_audit (
    id        bigserial primary key,
    at        timestamptz not null,
    actor     text not null,
    action    text not null,
    instance  text not null,
    detail    jsonb not null default '{}'::jsonb
);
create index provider_instance_audit_instance on provider_instance_audit (instance, id desc);
