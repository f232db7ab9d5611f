-- Deploy perps:liq_ref_cache to pg

BEGIN;

ALTER SEQUENCE liquidation_ref_seq CACHE 20;

COMMIT;
