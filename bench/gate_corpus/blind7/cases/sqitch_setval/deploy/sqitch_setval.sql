-- Deploy perps:liq_ref_bump to pg

BEGIN;

SELECT setval('liquidation_ref_seq', (SELECT max(ref) FROM liquidations) + 1000);

COMMIT;
