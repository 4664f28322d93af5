-- Where each report group stood at the last check of its period's pace (io.caseops.reports.AttainmentWatch): a mail
-- goes out when a group's projection falls below its goal, once per crossing; crossings counts them.
create table attainment_alert (
  period      varchar(24)  not null,                 -- '2026-12'
  group_by    varchar(16)  not null,                 -- 'plan' | 'account'
  group_key   varchar(64)  not null,                 -- 'silver', 'initech'
  below       boolean      not null,
  crossings   integer      not null,
  checked_at  timestamp with time zone not null,
  primary key (period, group_by, group_key)
);
