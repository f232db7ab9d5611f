-- Deploy perps:liq_idx to pg

BEGIN;

CREATE INDEX CONCURRENTLY liquidations_loss_idx ON liquidations (loss);

COMMIT;
