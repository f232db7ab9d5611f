DROP TABLE IF EXISTS fee_tiers CASCADE;
CREATE TABLE fee_tiers (tier account_tier PRIMARY KEY, maker_bps numeric, taker_bps numeric);
