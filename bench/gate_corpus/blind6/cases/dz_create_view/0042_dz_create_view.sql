CREATE VIEW "failed_payouts" AS (SELECT "id", "wallet_id", "failure_reason" FROM "payouts" WHERE "status" = 'failed');
