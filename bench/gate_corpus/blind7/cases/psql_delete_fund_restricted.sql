DELETE FROM insurance_funds WHERE id = 5;
