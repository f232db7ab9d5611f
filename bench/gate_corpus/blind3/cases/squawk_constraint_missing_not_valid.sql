SET lock_timeout = '2s';
ALTER TABLE risk_limits ADD CONSTRAINT maint_below_initial CHECK (maint_margin_rate <= initial_margin_rate);
