CREATE SCHEMA reporting;
CREATE TABLE reporting.desk_pnl (day date PRIMARY KEY, pnl numeric(24, 2) NOT NULL);
CREATE VIEW reporting.volume AS SELECT * FROM daily_volume;
