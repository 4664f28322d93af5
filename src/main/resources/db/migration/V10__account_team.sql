-- The account's customer success manager (a Camunda user id in customer-success-managers), who runs its business
-- reviews, beside its technical account manager (case reviews). Set through /staff/api/accounts/{id}/team.
alter table account add column customer_success_manager varchar(64);
