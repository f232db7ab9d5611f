ALTER TABLE withdrawals VALIDATE CONSTRAINT withdrawals_fee_nonneg;
