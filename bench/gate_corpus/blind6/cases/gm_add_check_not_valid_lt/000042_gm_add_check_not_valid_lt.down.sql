ALTER TABLE payouts DROP CONSTRAINT payouts_amount_cap;
