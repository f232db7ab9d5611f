SET lock_timeout = '2s';
ALTER TABLE card_payments ADD CONSTRAINT card_payments_fee_nonneg CHECK (fee_minor >= 0);
