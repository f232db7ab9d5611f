-- sequelize db:migrate (logging: console.log)
CREATE TABLE IF NOT EXISTS "staking_unbond_requests" ("id"   SERIAL , "delegationId" BIGINT NOT NULL REFERENCES "staking_delegations" ("id") ON DELETE CASCADE ON UPDATE CASCADE, "amount" DECIMAL(38,18) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
