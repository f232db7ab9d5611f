SET lock_timeout = '2s';
ALTER TABLE positions ADD CONSTRAINT positions_liq_price_nn NOT NULL liquidation_price NOT VALID;
