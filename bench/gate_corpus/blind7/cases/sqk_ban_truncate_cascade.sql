TRUNCATE insurance_funds CASCADE;
