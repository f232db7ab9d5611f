CREATE TABLE payouts (id bigint);
ALTER TABLE payouts ADD COLUMN amount numeric NOT NULL;
