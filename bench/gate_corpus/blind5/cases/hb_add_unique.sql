alter table if exists staking_validators drop constraint if exists UK_4kq9w2e7r1t5y8u3i6o0p;
alter table if exists staking_validators add constraint UK_4kq9w2e7r1t5y8u3i6o0p unique (pubkey);
