-- What a submission with an idempotency key asked for (SHA-256 of the request, hex): the same key with another
-- request is refused (422) instead of silently answered with the first case. Null for keys remembered before.
alter table case_submission add column request_digest varchar(64);
