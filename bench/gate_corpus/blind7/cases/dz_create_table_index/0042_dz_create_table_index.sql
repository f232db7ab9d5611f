CREATE TABLE IF NOT EXISTS "oracle_sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "oracle_sources_name_idx" ON "oracle_sources" USING btree ("name");
