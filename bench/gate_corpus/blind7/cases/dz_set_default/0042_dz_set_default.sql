SET lock_timeout = '2s';
ALTER TABLE "api_keys" ALTER COLUMN "scopes" SET DEFAULT '{read,trade}';
