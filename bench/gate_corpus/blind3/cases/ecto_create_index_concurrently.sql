CREATE INDEX CONCURRENTLY "funding_payments_2026_12_market_id_index" ON "funding_payments_2026_12" ("market_id");
INSERT INTO "schema_migrations" ("version","inserted_at") VALUES ('20261202093002','2026-12-02 09:30:00');
