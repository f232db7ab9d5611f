UPDATE kyc_documents SET status = lower(status);
