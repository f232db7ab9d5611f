-- sequelize-cli db:migrate: 20261202101600-index-credited-at.js
CREATE INDEX CONCURRENTLY "deposits_credited_at" ON "deposits" ("credited_at");
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202101600-index-credited-at.js') RETURNING "name";
