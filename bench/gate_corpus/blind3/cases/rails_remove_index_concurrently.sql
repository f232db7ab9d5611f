DROP INDEX CONCURRENTLY IF EXISTS "users_created_at_idx";
INSERT INTO "schema_migrations" ("version") VALUES ('20261202093004');
