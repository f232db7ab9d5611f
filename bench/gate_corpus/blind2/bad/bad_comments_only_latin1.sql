-- Gebühr für Auszahlungen
ALTER TABLE withdrawals ADD COLUMN gebuehr numeric;
