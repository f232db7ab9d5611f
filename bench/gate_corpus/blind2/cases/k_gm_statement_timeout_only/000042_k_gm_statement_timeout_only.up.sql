SET statement_timeout = '30s';
ALTER TABLE withdrawals ALTER COLUMN note SET DEFAULT '';
