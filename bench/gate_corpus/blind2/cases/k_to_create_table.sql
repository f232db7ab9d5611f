-- typeorm migration:run: CreateSigner1764671000000
START TRANSACTION;
CREATE TABLE "signer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_6b1f3c9e2a7d4e8f0a1b2c3d4e5" PRIMARY KEY ("id"));
INSERT INTO "migrations"("timestamp", "name") VALUES (1764671000000, 'CreateSigner1764671000000');
COMMIT;
