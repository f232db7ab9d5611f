SET lock_timeout = '2s';
ALTER TABLE positions ADD CONSTRAINT positions_hedge_chk CHECK (client_tag IN ('one_way', 'hed