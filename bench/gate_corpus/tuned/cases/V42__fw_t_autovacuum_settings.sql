ALTER TABLE fills SET (autovacuum_vacuum_scale_factor = 0.01);
