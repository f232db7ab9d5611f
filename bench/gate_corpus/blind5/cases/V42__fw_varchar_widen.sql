SET lock_timeout = '2s';
ALTER TABLE aml_alerts ALTER COLUMN rule_code TYPE varchar(64);
