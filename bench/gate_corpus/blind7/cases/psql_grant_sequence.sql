GRANT USAGE ON SEQUENCE liquidation_ref_seq TO perp_reader;
