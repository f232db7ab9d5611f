UPDATE insurance_fund SET updated_at = now();
