-- Secret links: only the SHA-256 of each token is stored.
create table doorstep_grant (
    token_hash varchar(64)  not null primary key,
    site_id    varchar(64)  not null references doorstep_site (id),
    capability varchar(16)  not null,
    subject_id varchar(100) not null,
    created_at bigint       not null
);

create index doorstep_grant_subject on doorstep_grant (site_id, capability, subject_id);

-- What a feed's server said last time, for conditional GET.
alter table doorstep_feed add column etag varchar(500);
alter table doorstep_feed add column last_modified varchar(100);
