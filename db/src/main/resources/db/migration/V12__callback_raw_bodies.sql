-- A callback's body exactly as received (it may hold NUL or bytes that are not UTF-8, which a text
-- column refuses); body stays as readable text, with such characters replaced.
alter table provider_callbacks add column raw_body bytea;
