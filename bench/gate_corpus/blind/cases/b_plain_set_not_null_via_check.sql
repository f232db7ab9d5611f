SET lock_timeout = '2s';
ALTER TABLE refunds ADD CONSTRAINT refunds_payment_nn CHECK (payment_id IS NOT NULL) NOT VALID;
SET lock_timeout = '2s';
ALTER TABLE refunds VALIDATE CONSTRAINT refunds_payment_nn;
SET lock_timeout = '2s';
ALTER TABLE refunds ALTER COLUMN payment_id SET NOT NULL;
