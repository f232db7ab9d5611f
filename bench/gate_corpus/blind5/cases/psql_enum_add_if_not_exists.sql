ALTER TYPE aml_severity ADD VALUE IF NOT EXISTS 'informational' BEFORE 'low';
