-- Prêt en euros: frais de dossier
ALTER TABLE loans ADD COLUMN frais_dossier numeric DEFAULT 0; -- réglé à l'échéance
