-- Your SQL goes here
CREATE VIEW market_quote AS SELECT quote_asset, any_value(symbol) AS example FROM markets GROUP BY quote_asset;
