-- migrate:up
ALTER TABLE payouts ADD CONSTRAINT payouts_amount_cap CHECK (amount < 1000000) NOT VALID;

-- migrate:down
ALTER TABLE payouts DROP CONSTRAINT payouts_amount_cap;
