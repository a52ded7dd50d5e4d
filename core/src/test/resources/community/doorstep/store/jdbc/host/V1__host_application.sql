-- A host application's own migration, run by the host's own Flyway in tests.
create table host_member (id integer primary key, name varchar(100) not null);
insert into host_member (id, name) values (1, 'Existing member');
