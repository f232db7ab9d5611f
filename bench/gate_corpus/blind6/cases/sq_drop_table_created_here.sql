-- Deploy exchange:scratch to pg

BEGIN;

CREATE TABLE payout_scratch (id bigint, note text);
INSERT INTO payout_scratch VALUES (1, 'x');
DROP TABLE payout_scratch;

COMMIT;
