-- sequelize db:migrate (logging: console.log)
SET lock_timeout = '2s';
ALTER TABLE "withdrawals" ALTER COLUMN "status" SET NOT NULL;ALTER TABLE "withdrawals" ALTER COLUMN "status" DROP DEFAULT;ALTER TABLE "withdrawals" ALTER COLUMN "status" TYPE VARCHAR(16);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
