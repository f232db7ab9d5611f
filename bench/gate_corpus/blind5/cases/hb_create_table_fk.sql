create table loan_covenants (id bigint not null, loan_id bigint, covenant varchar(255), primary key (id));
alter table if exists loan_covenants add constraint FK8x2m4k1c9v7b5n3z1q0w6e4r foreign key (loan_id) references loans;
