SET lock_timeout = '2s';
ALTER TABLE approvals ADD CONSTRAINT approvals_approver_fk FOREIGN KEY (approver_id) REFERENCES approvers (id) NOT VALID;
