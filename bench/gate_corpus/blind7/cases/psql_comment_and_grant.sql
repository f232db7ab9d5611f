COMMENT ON TABLE liquidations IS 'one row per forced close';
COMMENT ON COLUMN liquidations.loss IS 'covered by the insurance fund';
GRANT SELECT ON liquidations TO perp_reader;
