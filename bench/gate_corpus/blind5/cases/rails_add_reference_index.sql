BEGIN;
ALTER TABLE "margin_calls" ADD "collateral_position_id" bigint;
CREATE INDEX "index_margin_calls_on_collateral_position_id" ON "margin_calls" ("collateral_position_id");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
