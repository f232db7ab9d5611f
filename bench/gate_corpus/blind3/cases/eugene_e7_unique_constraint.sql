SET lock_timeout = '2s';
ALTER TABLE markets ADD CONSTRAINT markets_base_quote_key UNIQUE (base_asset, quote_asset);
