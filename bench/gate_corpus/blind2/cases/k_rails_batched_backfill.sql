UPDATE "withdrawals" SET "fee" = 0 WHERE "id" IN (SELECT "id" FROM "withdrawals" WHERE "fee" IS NULL ORDER BY "id" LIMIT 1000);
