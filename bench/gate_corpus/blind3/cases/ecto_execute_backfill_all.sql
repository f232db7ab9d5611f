BEGIN;
UPDATE api_keys SET scopes = array_append(scopes, 'read') WHERE NOT 'read' = ANY(scopes) OR scopes IS NOT NULL;
INSERT INTO "schema_migrations" ("version","inserted_at") VALUES ('20261202093006','2026-12-02 09:30:00');
COMMIT;
