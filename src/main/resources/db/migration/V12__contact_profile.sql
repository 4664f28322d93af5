-- A named contact's own settings for the portal (docs/portal.md): the language of its pages ('en' or 'fr'; null:
-- the browser's), and whether the password is still the initial one an administrator handed over: such a contact
-- changes it before anything else in the portal.
alter table named_contact add column language varchar(8);
alter table named_contact add column password_change_required boolean not null default false;
