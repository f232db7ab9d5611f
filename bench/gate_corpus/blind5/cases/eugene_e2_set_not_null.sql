SET lock_timeout = '2s';
ALTER TABLE aml_alerts ALTER COLUMN details SET NOT NULL;
