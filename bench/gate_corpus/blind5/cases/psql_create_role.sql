CREATE ROLE lend_auditor NOLOGIN;
GRANT lend_readonly TO lend_auditor;
