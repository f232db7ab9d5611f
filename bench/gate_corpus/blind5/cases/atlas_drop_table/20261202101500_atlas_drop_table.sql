-- Drop "aml_alerts" table
DROP TABLE "aml_alerts";
