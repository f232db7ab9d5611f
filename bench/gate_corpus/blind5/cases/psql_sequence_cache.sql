ALTER SEQUENCE journal_entry_id_seq CACHE 20;
