CREATE TABLE "sub_accounts" ("id" bigint NOT NULL, "parent_id" bigint NOT NULL);
ALTER TABLE "sub_accounts" ADD PRIMARY KEY ("id");
