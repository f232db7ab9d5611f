-- Deploy perps:position_tags to pg

BEGIN;

SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN tags text[];

COMMIT;
