START TRANSACTION;
CREATE TABLE "price_alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" bigint NOT NULL, "market_id" integer NOT NULL, "trigger_price" numeric(38,12) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2b4a6c8e0f1d3b5a7c9e1f3a5b7" PRIMARY KEY ("id"));
INSERT INTO "migrations"("timestamp", "name") VALUES (1764667800000, 'PriceAlerts1764667800000');
COMMIT;
