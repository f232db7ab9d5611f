-- Deploy perps:liq_idx to pg

SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY liquidations_loss_idx ON liquidations (loss);
