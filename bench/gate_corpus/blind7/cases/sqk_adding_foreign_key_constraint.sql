SET lock_timeout = '2s';
ALTER TABLE funding_payments ADD CONSTRAINT funding_payments_market_fk FOREIGN KEY (market_id) REFERENCES markets (id);
