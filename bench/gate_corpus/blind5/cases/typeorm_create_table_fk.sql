-- typeorm migration:run (query logging)
START TRANSACTION;
CREATE TABLE "loan_events" ("id" SERIAL NOT NULL, "type" character varying NOT NULL, "payload" jsonb NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "loanId" bigint, CONSTRAINT "PK_1f0f9d3c2b1a" PRIMARY KEY ("id"));
ALTER TABLE "loan_events" ADD CONSTRAINT "FK_7e4d3c2b1a09f8e7d6c5b4a3928" FOREIGN KEY ("loanId") REFERENCES "loans"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
