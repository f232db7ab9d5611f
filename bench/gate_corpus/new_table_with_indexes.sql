SET lock_timeout = '3s';
SET statement_timeout = '15min';
CREATE TABLE IF NOT EXISTS withdrawals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  amount numeric(20,8) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS withdrawals_account_idx ON withdrawals (account_id);
ALTER TABLE withdrawals ADD CONSTRAINT withdrawals_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
