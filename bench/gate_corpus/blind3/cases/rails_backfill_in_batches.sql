UPDATE "positions" SET "client_tag" = 'legacy' WHERE "positions"."id" IN (SELECT "positions"."id" FROM "positions" WHERE "positions"."client_tag" IS NULL ORDER BY "positions"."id" ASC LIMIT 1000);
