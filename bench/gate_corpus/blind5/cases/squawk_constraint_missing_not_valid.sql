SET lock_timeout = '2s';
ALTER TABLE loans ADD CONSTRAINT loans_principal_cap CHECK (principal < 1e12);
