SET lock_timeout = '2s';
ALTER TABLE funding_rates ADD CONSTRAINT fk_rails_funding_rates_market FOREIGN KEY (market_id) REFERENCES markets (id) NOT VALID;
