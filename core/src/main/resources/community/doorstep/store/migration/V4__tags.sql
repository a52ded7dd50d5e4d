-- The words residents filter by, with the label they were first written with (from iCal CATEGORIES or a coordinator).
create table doorstep_tag (
    site_id varchar(64)  not null references doorstep_site (id),
    id      varchar(64)  not null,
    label   varchar(100) not null,
    primary key (site_id, id)
);
