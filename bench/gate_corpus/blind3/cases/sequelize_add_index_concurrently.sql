CREATE INDEX CONCURRENTLY "api_keys_revoked_at" ON "api_keys" ("revoked_at");
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202093200-revoked-idx.js');
