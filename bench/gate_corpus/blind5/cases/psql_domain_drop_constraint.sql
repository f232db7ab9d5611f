ALTER DOMAIN basis_points DROP CONSTRAINT basis_points_check;
