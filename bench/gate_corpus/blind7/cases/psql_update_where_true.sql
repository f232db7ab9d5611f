UPDATE accounts SET kyc_level = kyc_level WHERE true;
