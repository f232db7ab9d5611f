SET lock_timeout = '2s';
ALTER TABLE liquidations ADD COLUMN seq bigserial;
