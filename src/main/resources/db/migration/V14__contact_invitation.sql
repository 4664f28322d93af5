-- A new named contact sets their own password through a link mailed to them (docs/portal.md): the administrator who
-- adds them never knows it. The link's token is stored only as its SHA-256 (hex); it works once, until expires_at.
-- A contact has at most one invitation: sending another replaces it. Removing the contact removes it.
create table contact_invitation (
  token_hash  varchar(64)  primary key,
  email       varchar(254) not null unique references named_contact (email) on delete cascade,
  invited_by  varchar(254) not null,
  created_at  timestamp with time zone not null,
  expires_at  timestamp with time zone not null
);
