-- How a store's checkout looks to its customers: an accent colour, a logo served by Paymux itself
-- (never hot-linked), and where "back to the store" leads once a payment is complete.
create table store_branding (
    store_id      uuid primary key references stores (id) on delete cascade,
    accent_color  text null check (accent_color ~ '^#[0-9a-f]{6}$'),
    return_url    text null,
    logo          bytea null,
    logo_type     text null check (logo_type in ('image/png', 'image/jpeg', 'image/webp')),
    updated_at    timestamptz not null default now(),
    check ((logo is null) = (logo_type is null))
);
