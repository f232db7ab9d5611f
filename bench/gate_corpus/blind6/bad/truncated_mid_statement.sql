BEGIN;
ALTER TABLE payouts ADD CONSTRAINT payouts_wallet_fk FOREIGN KEY (wallet_id) REFERENCES wal