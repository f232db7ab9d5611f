CREATE TABLE oracle_prices (market_id smallint, price numeric, at timestamptz);
COPY oracle_prices FROM stdin;
1	101.5	2026-12-03 00:00:00+00
2	55.25	2026-12-03 00:00:00+00
\.
