CREATE DOMAIN positive_qty AS int;
ALTER DOMAIN positive_qty ADD CONSTRAINT positive CHECK (VALUE > 0);
