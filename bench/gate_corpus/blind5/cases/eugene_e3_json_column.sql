SET lock_timeout = '2s';
ALTER TABLE aml_alerts ADD COLUMN raw_payload json;
