SET lock_timeout = '2s';
ALTER TABLE markets ADD COLUMN fee_model jsonb NOT NULL DEFAULT jsonb_build_object('maker_bps', 2, 'taker_bps', 5);
