SET lock_timeout = '2s';
ALTER TABLE fee_tiers RENAME TO fee_schedule;
