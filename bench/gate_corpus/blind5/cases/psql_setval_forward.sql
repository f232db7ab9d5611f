SELECT setval('kyc_case_number_seq', 32600, false);
