-- Your SQL goes here
SELECT diesel_manage_updated_at('tickers');
