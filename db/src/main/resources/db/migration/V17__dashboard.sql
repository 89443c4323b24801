-- People who sign in to the dashboard: merchants (one account each) and operators (no account).
create table dashboard_users (
    id               uuid primary key,
    email            text not null unique,
    password_hash    text not null,
    role             text not null check (role in ('merchant', 'operator')),
    account_id       uuid references accounts (id),
    enabled          boolean not null default true,
    failed_sign_ins  integer not null default 0,
    locked_until     timestamptz,
    last_sign_in_at  timestamptz,
    created_at       timestamptz not null default now(),
    check ((role = 'merchant') = (account_id is not null))
);

-- Dashboard sessions (Spring Session JDBC's PostgreSQL schema), shared by every instance.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
