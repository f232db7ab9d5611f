ALTER TABLE "liquidations" ADD CONSTRAINT "fk_rails_liq_fund" FOREIGN KEY ("insurance_fund_id") REFERENCES "insurance_funds" ("id") NOT VALID;
ALTER TABLE "liquidations" VALIDATE CONSTRAINT "fk_rails_liq_fund";
