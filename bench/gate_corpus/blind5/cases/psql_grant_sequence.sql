GRANT USAGE, SELECT ON SEQUENCE journal_entry_id_seq TO lend_app;
