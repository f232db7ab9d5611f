DROP INDEX payments_merchant_idx;
