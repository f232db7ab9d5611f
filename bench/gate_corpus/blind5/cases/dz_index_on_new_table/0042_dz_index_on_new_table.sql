CREATE TABLE IF NOT EXISTS "otc_quotes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" bigint NOT NULL,
	"asset" varchar(10) NOT NULL,
	"price" numeric(30, 12) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "otc_quotes_customer_idx" ON "otc_quotes" USING btree ("customer_id");
