create sequence custody_events_seq start with 1 increment by 50;
