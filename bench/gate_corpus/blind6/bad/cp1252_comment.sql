-- Gebühren für Auszahlungen €
ALTER TABLE payouts ADD COLUMN fee_eur numeric;
