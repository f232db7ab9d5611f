CREATE UNIQUE INDEX CONCURRENTLY "index_users_on_lower_email" ON "users" (lower(email));
INSERT INTO "schema_migrations" ("version") VALUES ('20261202093003');
