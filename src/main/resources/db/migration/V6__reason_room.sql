-- A reclassification's reason (500 characters, TextLimits.REASON) with its heading ("reclassified by <user>: ").
alter table support_case alter column severity_reason set data type varchar(800);
