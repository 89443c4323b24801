-- Signatures of accepted merchant requests that change something (POST, PUT, PATCH, DELETE), kept until
-- their X-Timestamp leaves the signature window, so the same signed request is accepted once, on every
-- instance. Only a SHA-256 of the signature is kept. No foreign key to stores: rows live minutes, and the
-- check must stay one index insert on the create path.
create table seen_signatures (
    store_id        uuid not null,
    signature_hash  bytea not null,
    expires_at      timestamptz not null,
    primary key (store_id, signature_hash)
);
create index seen_signatures_expiry on seen_signatures (expires_at);
