SET lock_timeout = '2s';
ALTER TABLE funding_rates ADD CONSTRAINT funding_rates_market_fk FOREIGN KEY (market_id) REFERENCES markets (id) NOT VALID;
