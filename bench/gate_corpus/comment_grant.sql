COMMENT ON TABLE orders IS 'Client orders';
GRANT SELECT ON orders TO reporting;
