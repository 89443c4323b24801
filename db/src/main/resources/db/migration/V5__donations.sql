-- Donations: a store opts in; a donation is a payment of kind 'donation' with what the donor chose to say.
alter table stores
    add column donations_enabled boolean not null default false,
    add column donation_text     text;

alter table payments
    add column kind          text not null default 'payment' check (kind in ('payment', 'donation')),
    add column donor_name    text,
    add column donor_message text;

-- The merchant's list filtered to donations (kind=donation), newest first.
create index payments_store_donations on payments (store_id, created_at desc, id) where kind = 'donation';
