CREATE INDEX CONCURRENTLY "index_api_keys_on_last_used_at" ON "api_keys" ("last_used_at");
INSERT INTO "schema_migrations" ("version") VALUES ('20261202093001');
