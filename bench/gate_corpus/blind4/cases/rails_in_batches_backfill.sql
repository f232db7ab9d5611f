UPDATE "deposits" SET "confirmations" = 30 WHERE "deposits"."id" >= 1 AND "deposits"."id" < 1001 AND "deposits"."credited_at" IS NOT NULL;
UPDATE "deposits" SET "confirmations" = 30 WHERE "deposits"."id" >= 1001 AND "deposits"."id" < 2001 AND "deposits"."credited_at" IS NOT NULL;
