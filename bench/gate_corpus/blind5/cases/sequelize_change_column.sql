-- sequelize db:migrate (logging: console.log)
ALTER TABLE "kyc_cases" ALTER COLUMN "provider" SET NOT NULL;ALTER TABLE "kyc_cases" ALTER COLUMN "provider" DROP DEFAULT;ALTER TABLE "kyc_cases" ALTER COLUMN "provider" TYPE VARCHAR(255);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
