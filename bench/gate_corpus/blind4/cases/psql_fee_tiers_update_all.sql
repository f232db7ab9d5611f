UPDATE fee_tiers SET taker_bps = taker_bps + 1;
