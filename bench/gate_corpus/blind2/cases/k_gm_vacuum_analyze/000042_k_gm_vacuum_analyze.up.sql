VACUUM (ANALYZE) deposits;
