UPDATE "orders" SET "status" = 'closed' WHERE "id" IN (SELECT "id" FROM "orders" WHERE "status" = 'done' LIMIT 1000);
