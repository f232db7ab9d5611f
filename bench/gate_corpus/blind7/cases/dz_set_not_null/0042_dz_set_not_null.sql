SET lock_timeout = '2s';
ALTER TABLE "api_keys" ALTER COLUMN "label" SET NOT NULL;
