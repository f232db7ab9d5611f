SET statement_timeout = '15min';
ALTER TABLE balances ADD COLUMN frozen numeric(38, 18);
