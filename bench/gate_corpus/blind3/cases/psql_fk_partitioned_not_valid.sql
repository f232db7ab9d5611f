SET lock_timeout = '2s';
ALTER TABLE liquidations ADD CONSTRAINT liquidations_market_fk FOREIGN KEY (market_id) REFERENCES markets (id) NOT VALID;
