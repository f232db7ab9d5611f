SET lock_timeout = '2s';
ALTER TABLE audit_log ADD COLUMN source text DEFAULT current_user;
