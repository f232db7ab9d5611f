UPDATE card_payments SET fee_minor = amount_minor WHERE status = 'authorized' AND captured_at IS NULL;
