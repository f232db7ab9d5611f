UPDATE "margin_accounts" SET "tags"='{}',"updated_at"='2026-12-02 09:30:00.000 +00:00';
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202093300-reset-tags.js');
