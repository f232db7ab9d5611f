-- Deploy exchange:seq_bigint to pg

BEGIN;

ALTER SEQUENCE kyc_checks_id_seq AS bigint;

COMMIT;
