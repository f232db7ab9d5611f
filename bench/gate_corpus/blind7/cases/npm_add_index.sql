-- Up Migration
CREATE INDEX "margin_accounts_mode_index" ON "margin_accounts" ("mode");

-- Down Migration
DROP INDEX "margin_accounts_mode_index";
