SET lock_timeout = '2s';
ALTER TABLE journal_lines ADD CONSTRAINT journal_lines_account_fk FOREIGN KEY (account_id) REFERENCES ledger_accounts (id);
