SET lock_timeout = '2s';
ALTER TABLE comments DROP CONSTRAINT comments_pkey;
ALTER TABLE comments ADD COLUMN pk bigserial PRIMARY KEY;
