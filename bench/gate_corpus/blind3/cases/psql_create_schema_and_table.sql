CREATE SCHEMA reporting;
CREATE TABLE reporting.daily_pnl (day date, account_id bigint, pnl numeric(38, 8), PRIMARY KEY (day, account_id));
