-- Room for the longest texts the API and the forms accept (20,000 characters).
-- A message carries a short heading before such a text ("Root-cause analysis:", "Critical situation handled:").
alter table case_message alter column body set data type varchar(24000);
-- A mail repeats a 20,000-character text in both parts; HTML escaping can make it six times longer ('"' is &quot;).
alter table mail_outbox alter column text_body set data type varchar(100000);
alter table mail_outbox alter column html_body set data type varchar(1000000);
