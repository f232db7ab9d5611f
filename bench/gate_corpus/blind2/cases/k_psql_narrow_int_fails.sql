SET lock_timeout = '2s';
ALTER TABLE withdrawals ALTER COLUMN network_fee_sat TYPE smallint;
