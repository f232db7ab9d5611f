CREATE TYPE margin_call_channel AS ENUM ('email', 'sms', 'push', 'phone');
