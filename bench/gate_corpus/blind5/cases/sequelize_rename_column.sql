-- sequelize db:migrate (logging: console.log)
ALTER TABLE "public"."fiat_deposits" RENAME COLUMN "sender_iban" TO "senderIban";
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202-exchange.js') RETURNING "name";
