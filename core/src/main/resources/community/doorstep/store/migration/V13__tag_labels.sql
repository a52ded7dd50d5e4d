-- A tag's label in each of a site's languages, as residents reading in it see the tag.
create table doorstep_tag_label (
    site_id  varchar(64)  not null references doorstep_site (id),
    tag_id   varchar(64)  not null,
    language varchar(16)  not null,
    label    varchar(100) not null,
    primary key (site_id, tag_id, language)
);
