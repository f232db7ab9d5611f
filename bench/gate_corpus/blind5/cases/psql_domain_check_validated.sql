SET lock_timeout = '2s';
ALTER DOMAIN basis_points ADD CONSTRAINT basis_points_step CHECK (VALUE % 5 = 0);
