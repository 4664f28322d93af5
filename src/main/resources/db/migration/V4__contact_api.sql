-- The contact API: contacts' credentials, and the idempotency keys of case submissions.

-- BCrypt hash of the contact's password; null: the contact cannot log in yet.
alter table named_contact add column password_hash varchar(100);

-- A submission retried with the same Idempotency-Key returns the case the first one opened.
create table case_submission (
  submitter        varchar(254) not null,
  idempotency_key  varchar(100) not null,
  case_number      varchar(20)  not null references support_case (case_number),
  created_at       timestamp with time zone not null,
  primary key (submitter, idempotency_key)
);
