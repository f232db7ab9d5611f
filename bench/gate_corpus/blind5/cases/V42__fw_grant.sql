GRANT SELECT, INSERT ON kyc_cases, aml_alerts TO lend_app;
GRANT SELECT ON kyc_cases, aml_alerts TO lend_readonly;
