CREATE INDEX payouts_merchant_idx ON payouts (merchant_id);
