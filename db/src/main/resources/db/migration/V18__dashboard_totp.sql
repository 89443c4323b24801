-- The optional second sign-in factor: a TOTP secret (RFC 6238), and the last time step used, so a code
-- is accepted once.
alter table dashboard_users add column totp_secret text;
alter table dashboard_users add column totp_last_step bigint;
