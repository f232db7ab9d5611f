SET lock_timeout = '2s';
ALTER TABLE card_payments ALTER COLUMN id TYPE bigint;
ALTER SEQUENCE card_payments_id_seq AS bigint;
