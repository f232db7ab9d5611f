SET lock_timeout = '2s';
ALTER TABLE aml_alerts ADD COLUMN case_ref text NOT NULL;
