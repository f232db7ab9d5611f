-- Deploy exchange:grant_risk to pg

BEGIN;

GRANT SELECT ON loan_health, customer_exposure TO lend_risk;

COMMIT;
