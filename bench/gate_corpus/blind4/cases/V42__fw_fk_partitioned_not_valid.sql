SET lock_timeout = '2s';
ALTER TABLE trades ADD CONSTRAINT trades_market_fk FOREIGN KEY (market_id) REFERENCES markets (id) NOT VALID;
