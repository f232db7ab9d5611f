/* migration 0042: payouts
ALTER TABLE payouts ADD COLUMN note text;
