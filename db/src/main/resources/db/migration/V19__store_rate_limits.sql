-- A store's own limit on its signed API requests, "<requests>/<period>" (null: paymux.limits.merchant-per-key).
alter table stores add column api_rate_limit text;
