-- Non-custodial addresses: a store's extended public key per asset and the next index of its
-- external chain. The row is locked while an index is reserved, so no index is handed out twice.
create table store_xpubs (
    store_id    uuid references stores (id) on delete cascade,
    asset       text,
    xpub        text not null,
    next_index  integer not null default 0 check (next_index >= 0),
    created_at  timestamptz not null default now(),
    primary key (store_id, asset)
);
-- One key serves one store and one asset: otherwise its addresses would serve two payments.
create unique index store_xpubs_xpub on store_xpubs (xpub);

-- null: imported to the pool (shared by payments with unique amounts);
-- not null: derived at this index, used by one payment only.
alter table receiving_addresses add column derivation_index integer null;
