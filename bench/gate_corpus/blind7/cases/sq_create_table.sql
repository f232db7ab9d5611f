-- sequelize db:migrate (logging: console.log)
CREATE TABLE IF NOT EXISTS "referral_payouts" ("id"   SERIAL , "code" VARCHAR(16) NOT NULL, "amount" DECIMAL(28,8) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
