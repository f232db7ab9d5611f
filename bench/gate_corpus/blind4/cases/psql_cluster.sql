CLUSTER candles_1h USING candles_1h_pkey;
