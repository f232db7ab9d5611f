ALTER TABLE loans ADD COLUMN IF NOT EXIST waiver_reason text;
