-- typeorm migration:run: AddMemoTag1764670500000
START TRANSACTION;
ALTER TABLE "withdrawals" ADD "memo_tag" character varying;
INSERT INTO "migrations"("timestamp", "name") VALUES (1764670500000, 'AddMemoTag1764670500000');
COMMIT;
