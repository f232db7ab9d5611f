-- Migration für Gebühren
ALTER TABLE fee_tiers ADD COLUMN beschreibung text DEFAULT 'Gebühr';
