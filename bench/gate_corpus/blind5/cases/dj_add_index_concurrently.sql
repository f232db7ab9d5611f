--
-- Concurrently create index card_payments_status_idx on field(s) status of model cardpayment
--
CREATE INDEX CONCURRENTLY "card_payments_status_idx" ON "card_payments" ("status");
