START TRANSACTION;

CREATE MATERIALIZED VIEW payout_daily AS SELECT date_trunc('day', requested_at) AS day, status, count(*) AS payouts FROM payouts GROUP BY 1, 2;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
