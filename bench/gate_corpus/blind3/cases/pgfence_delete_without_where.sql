DELETE FROM insurance_fund_events;
