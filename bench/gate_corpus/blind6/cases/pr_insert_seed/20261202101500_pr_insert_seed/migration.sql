-- Seed a new asset
INSERT INTO "assets" ("code", "name", "decimals") VALUES ('OP', 'Optimism', 18);
