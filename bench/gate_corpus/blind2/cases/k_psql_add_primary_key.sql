SET lock_timeout = '2s';
ALTER TABLE approvals ADD PRIMARY KEY (withdrawal_id, approver_id);
