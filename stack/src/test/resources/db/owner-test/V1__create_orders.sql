create table orders (id bigint generated always as identity primary key, customer_id varchar(64) not null);
