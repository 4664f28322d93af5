-- Demo customer accounts: one on each of the seven plans, loaded once by DemoData (demo profile only).
-- Contacts' passwords come with the contact API; until then contacts exist as data only.

insert into account (id, name, catalogue, plan, region, language, escalation_manager, technical_account_manager, created_at) values
  ('northwind', 'Northwind Traders', 'adobe-experience-cloud', 'expert',   'AMER',  null, null,   null,  current_timestamp),
  ('contoso',   'Contoso Ltd',       'adobe-experience-cloud', 'ultimate', 'EMEA',  null, 'erin', 'tom', current_timestamp),
  ('globex',    'Globex Corporation','automation-anywhere',    'orange',   'EMEA',  'es', null,   null,  current_timestamp),
  ('initech',   'Initech',           'automation-anywhere',    'silver',   null,    null, null,   null,  current_timestamp),
  ('umbrella',  'Umbrella Health',   'automation-anywhere',    'gold',     null,    null, null,   'tom', current_timestamp),
  ('stark',     'Stark Industries',  'automation-anywhere',    'platinum', null,    null, null,   'tom', current_timestamp),
  ('wayne',     'Wayne Enterprises', 'automation-anywhere',    'titanium', null,    null, 'erin', 'tom', current_timestamp),
  -- Billed in Japan: Japanese-language support in Japanese business hours (follow the sun outside them).
  ('sakura',    'Sakura Logistics',  'adobe-experience-cloud', 'expert',   'JAPAN', null, null,   null,  current_timestamp);

-- Wayne's designated TAM works from New York: its daily case reviews follow AMER's days and holidays.
update account set review_region = 'AMER' where id = 'wayne';

-- Plans with business reviews (Silver and above) have a customer success manager.
update account set customer_success_manager = 'clara' where plan in ('silver', 'gold', 'platinum', 'titanium');

insert into account_add_on (account_id, add_on) values
  ('northwind', 'priority-queue-bundle'),
  ('contoso',   'priority-queue-bundle');

insert into contract (account_id, product_id, licence_start, licence_end) values
  ('northwind', 'adobe-experience-manager',        date '2024-01-01', null),
  ('northwind', 'adobe-analytics',                 date '2024-01-01', date '2025-12-31'),
  -- Commerce Managed Services licences from before 2021-09-20 keep the general Adobe targets.
  ('northwind', 'adobe-commerce-managed-services', date '2020-05-01', null),
  ('contoso',   'adobe-experience-manager',        date '2023-06-01', null),
  ('contoso',   'adobe-target',                    date '2023-06-01', null),
  ('contoso',   'adobe-commerce-managed-services', date '2022-03-01', null),
  ('globex',    'automation-360',                  date '2024-02-01', null),
  ('initech',   'automation-360',                  date '2023-01-01', null),
  ('umbrella',  'automation-360',                  date '2023-01-01', null),
  ('umbrella',  'process-discovery',               date '2024-07-01', null),
  ('stark',     'automation-360',                  date '2022-09-01', null),
  ('wayne',     'automation-360',                  date '2021-04-01', null),
  ('wayne',     'process-discovery',               date '2021-04-01', null),
  ('sakura',    'adobe-experience-manager',        date '2025-04-01', null);

insert into named_contact (email, account_id, display_name, time_zone, delegated_admin, visibility_scope, created_at) values
  ('ana.lima@northwind.example',    'northwind', 'Ana Lima',      'America/Chicago',     true,  'all', current_timestamp),
  ('ben.cho@northwind.example',     'northwind', 'Ben Cho',       'America/Los_Angeles', false, 'own', current_timestamp),
  ('chloe.martin@contoso.example',  'contoso',   'Chloé Martin',  'Europe/Paris',        true,  'all', current_timestamp),
  ('david.roux@contoso.example',    'contoso',   'David Roux',    'Europe/Paris',        false, 'own', current_timestamp),
  ('gina.ruiz@globex.example',      'globex',    'Gina Ruiz',     'Europe/Madrid',       true,  'own', current_timestamp),
  ('hugo.sanz@globex.example',      'globex',    'Hugo Sanz',     'Europe/Madrid',       true,  'own', current_timestamp),
  ('ivy.patel@initech.example',     'initech',   'Ivy Patel',     'America/New_York',    true,  'all', current_timestamp),
  ('jon.berg@initech.example',      'initech',   'Jon Berg',      'America/New_York',    false, 'own', current_timestamp),
  ('kei.tanaka@umbrella.example',   'umbrella',  'Kei Tanaka',    'Asia/Tokyo',          true,  'all', current_timestamp),
  ('lena.kraus@umbrella.example',   'umbrella',  'Lena Kraus',    'Europe/Berlin',       false, 'own', current_timestamp),
  ('maria.silva@stark.example',     'stark',     'Maria Silva',   'America/Sao_Paulo',   true,  'all', current_timestamp),
  ('noah.kim@wayne.example',        'wayne',     'Noah Kim',      'Asia/Seoul',          true,  'all', current_timestamp),
  ('olivia.reed@wayne.example',     'wayne',     'Olivia Reed',   'Europe/London',       false, 'own', current_timestamp),
  ('yui.mori@sakura.example',       'sakura',    'Yui Mori',      'Asia/Tokyo',          true,  'all', current_timestamp);

-- Contoso is on Ultimate, where contacts are named per product.
insert into named_contact_product (email, product_id) values
  ('chloe.martin@contoso.example', 'adobe-experience-manager'),
  ('chloe.martin@contoso.example', 'adobe-commerce-managed-services'),
  ('david.roux@contoso.example',   'adobe-target');
