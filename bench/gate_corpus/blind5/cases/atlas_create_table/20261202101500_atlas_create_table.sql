-- Create "collateral_haircuts" table
CREATE TABLE "collateral_haircuts" ("asset" character varying(10) NOT NULL, "haircut_bps" integer NOT NULL, "effective_from" date NOT NULL, PRIMARY KEY ("asset", "effective_from"));
