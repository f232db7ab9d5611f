-- atlas:txmode none

-- Drop index "api_keys_account_idx" from table: "api_keys"
DROP INDEX CONCURRENTLY "api_keys_account_idx";
