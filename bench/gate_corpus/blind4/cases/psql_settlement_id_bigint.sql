SET lock_timeout = '2s';
ALTER SEQUENCE settlement_batch_seq AS bigint MAXVALUE 9223372036854775807;
ALTER TABLE settlement_batches ALTER COLUMN id TYPE bigint;
