-- Positionsgröße für das Risiko
ALTER TABLE positions ADD COLUMN notiz text;
