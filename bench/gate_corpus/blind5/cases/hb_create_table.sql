create sequence loan_covenants_seq start with 1 increment by 50;
create table loan_covenants (id bigint not null, loan_id bigint, covenant varchar(255), primary key (id));
