SET statement_timeout = '5s';
ALTER TABLE payouts ADD COLUMN note text;
