create table payout_events (id bigint not null, at timestamp(6) with time zone not null, body jsonb, primary key (id, at)) partition by range (at);
create table payout_events_2027_01 partition of payout_events for values from ('2027-01-01') to ('2027-02-01');
