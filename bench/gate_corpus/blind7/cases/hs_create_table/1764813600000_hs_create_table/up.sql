CREATE TABLE "public"."liquidation_alerts" ("id" serial NOT NULL, "position_id" bigint NOT NULL, "sent_at" timestamptz NOT NULL DEFAULT now(), PRIMARY KEY ("id") );
