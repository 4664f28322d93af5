-- The unsent-mail gauge (sent_at is null) and the nightly purge (sent_at before a cut-off) read by sent_at: an index
-- instead of a scan of every mail ever sent.
create index mail_outbox_sent_at on mail_outbox (sent_at);
