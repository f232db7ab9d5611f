SET lock_timeout = '2s';
ALTER TABLE trades ADD COLUMN venue text NOT NULL DEFAULT 'otc' CHECK (venue IN ('otc', 'rfq'));
