BEGIN;
CREATE TABLE "position_notes" ("id" bigserial primary key, "position_id" bigint NOT NULL, "body" text, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL, CONSTRAINT "fk_rails_9a1b2c3d4e" FOREIGN KEY ("position_id") REFERENCES "positions" ("id"));
CREATE INDEX "index_position_notes_on_position_id" ON "position_notes" ("position_id");
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
