BEGIN;
SET lock_timeout TO '5s';
ALTER TABLE "address_book" RENAME TO "whitelisted_addresses";
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
