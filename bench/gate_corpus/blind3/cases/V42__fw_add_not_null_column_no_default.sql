ALTER TABLE margin_accounts ADD COLUMN risk_engine_version integer NOT NULL;
