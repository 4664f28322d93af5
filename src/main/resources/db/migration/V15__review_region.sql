-- Whose calendar an account's daily case reviews follow (Titanium, SUPPORT-PLANS.md section 7): a coverage region of
-- the account's catalogue (the designated TAM's, "in region"): its time zone says when a day begins, its public and
-- company holidays are no review days. Null: the account's own region; without either, UTC weekdays.
alter table account add column review_region varchar(32);
