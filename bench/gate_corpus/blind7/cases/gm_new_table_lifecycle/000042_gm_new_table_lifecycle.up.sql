CREATE TABLE tmp_mark_fix (market_id smallint PRIMARY KEY, price numeric);
INSERT INTO tmp_mark_fix SELECT market_id, price FROM mark_price_cache;
DROP TABLE tmp_mark_fix;
