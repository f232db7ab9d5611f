-- Deploy perps:reporting to pg

BEGIN;

CREATE SCHEMA reporting;
CREATE VIEW reporting.funding_by_day AS SELECT * FROM daily_funding;
GRANT USAGE ON SCHEMA reporting TO perp_reader;
GRANT SELECT ON reporting.funding_by_day TO perp_reader;

COMMIT;
