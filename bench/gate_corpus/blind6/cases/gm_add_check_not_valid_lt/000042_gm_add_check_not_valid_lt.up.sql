SET lock_timeout = '2s';
ALTER TABLE payouts ADD CONSTRAINT payouts_amount_cap CHECK (amount < 1000000) NOT VALID;
