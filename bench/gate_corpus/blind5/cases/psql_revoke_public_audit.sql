REVOKE ALL ON audit_log FROM PUBLIC;
GRANT INSERT ON audit_log TO lend_app;
