COMMENT ON COLUMN treasury_wallets.tier IS 'hot: online signer; warm: HSM; cold: air-gapped';
