-- Deploy exchange:grants to pg

BEGIN;

DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reporting') THEN CREATE ROLE reporting; END IF; END $$;
GRANT SELECT ON trades, candles, tickers TO reporting;

COMMIT;
