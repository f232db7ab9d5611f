-- Marché: ajout d'une colonne
ALTER TABLE markets ADD COLUMN libellé text DEFAULT 'é';
