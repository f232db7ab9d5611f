SET lock_timeout = '2s';
ALTER TABLE fee_tiers OWNER TO CURRENT_USER;
