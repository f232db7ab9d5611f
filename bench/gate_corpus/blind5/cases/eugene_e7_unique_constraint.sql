SET lock_timeout = '2s';
ALTER TABLE margin_calls ADD CONSTRAINT margin_calls_loan_triggered_key UNIQUE (loan_id, triggered_at);
