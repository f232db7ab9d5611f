ALTER TABLE "users" ALTER COLUMN "display_name" SET NOT NULL;ALTER TABLE "users" ALTER COLUMN "display_name" DROP DEFAULT;ALTER TABLE "users" ALTER COLUMN "display_name" TYPE VARCHAR(64);
INSERT INTO "SequelizeMeta" ("name") VALUES ('20261202093000-display-name-required.js');
