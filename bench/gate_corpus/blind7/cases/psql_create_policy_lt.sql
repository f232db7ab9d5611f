SET lock_timeout = '2s';
CREATE POLICY reader_markets ON markets FOR SELECT TO perp_reader USING (status <> 'delisted');
