DROP INDEX CONCURRENTLY IF EXISTS "api_keys_account_idx";
