-- sequelize-cli db:migrate: 20261202101700-widen-destination.js
ALTER TABLE "withdrawals" ALTER COLUMN "destination" SET NOT NULL;ALTER TABLE "withdrawals" ALTER COLUMN "destination" DROP DEFAULT;ALTER TABLE "withdrawals" ALTER COLUMN "destination" TYPE VARCHAR(255);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202101700-widen-destination.js') RETURNING "name";
