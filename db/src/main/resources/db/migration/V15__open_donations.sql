-- The cap on a store's unpaid donations counts these under the store's donation lock.
create index payments_open_donations on payments (store_id)
    where kind = 'donation' and status in ('pending', 'queued');
