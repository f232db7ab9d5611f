SET lock_timeout = '2s';
ALTER TABLE promo_campaigns ADD COLUMN budget numeric NOT NULL;
