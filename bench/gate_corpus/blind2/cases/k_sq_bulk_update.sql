-- sequelize-cli db:migrate: 20261202101800-settings-v2.js
UPDATE "wallets" SET "settings"='{"v":2}';
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202101800-settings-v2.js') RETURNING "name";
