SET lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN idempotency_key uuid DEFAULT gen_random_uuid();
