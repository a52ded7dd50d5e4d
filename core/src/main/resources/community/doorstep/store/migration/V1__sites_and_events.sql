-- Doorstep's own tables. Written in the SQL that H2 and PostgreSQL share; a dialect gets a folder of its
-- own only where they differ. Instants are epoch milliseconds; zoned times are ISO strings with their zone,
-- so they read back exactly as written.

create table doorstep_site (
    id                 varchar(64)  not null primary key,
    name               varchar(200) not null,
    zone               varchar(64)  not null,
    languages          varchar(200) not null,
    allowed_origins    varchar(4000) not null,
    trusted_feed_hosts varchar(4000) not null
);

create table doorstep_organisation (
    site_id varchar(64)   not null references doorstep_site (id),
    id      varchar(64)   not null,
    name    varchar(200)  not null,
    area_id varchar(64),
    website varchar(2000),
    primary key (site_id, id)
);

create table doorstep_area (
    site_id varchar(64)  not null references doorstep_site (id),
    id      varchar(64)  not null,
    name    varchar(200) not null,
    primary key (site_id, id)
);

create table doorstep_feed (
    site_id         varchar(64)   not null references doorstep_site (id),
    id              varchar(64)   not null,
    organisation_id varchar(64),
    url             varchar(2000),
    checksum        varchar(64),
    last_attempt    bigint,
    last_success    bigint,
    last_error      varchar(2000),
    primary key (site_id, id)
);

create table doorstep_event (
    site_id         varchar(64)    not null references doorstep_site (id),
    id              varchar(100)   not null,
    uid             varchar(255)   not null,
    recurrence_id   varchar(80),
    -- the recurrence id as an instant, so "" can stand for "no override" in the unique key below
    recurrence_key  varchar(40)    not null,
    sequence_no     integer        not null,
    title           varchar(500)   not null,
    description     varchar(20000),
    starts_at       varchar(80)    not null,
    ends_at         varchar(80)    not null,
    all_day         boolean        not null,
    rules           varchar(4000)  not null,
    additions       varchar(20000) not null,
    exclusions      varchar(20000) not null,
    location_name   varchar(500),
    address         varchar(1000),
    postcode        varchar(10),
    latitude        double precision,
    longitude       double precision,
    online_link     varchar(2000),
    tags            varchar(4000)  not null,
    organisation_id varchar(64),
    area_id         varchar(64),
    accessibility   varchar(2000),
    cost            varchar(200),
    booking_link    varchar(2000),
    status          varchar(16)    not null,
    source          varchar(16)    not null,
    feed_id         varchar(64),
    moderation      varchar(16)    not null,
    -- the span index: 0 short (at most seven days), 1 long, 2 without end
    span_kind       smallint       not null,
    first_start     bigint         not null,
    last_end        bigint,
    primary key (site_id, id)
);

create unique index doorstep_event_feed_key on doorstep_event (site_id, feed_id, uid, recurrence_key);
create index doorstep_event_short on doorstep_event (site_id, span_kind, first_start);
create index doorstep_event_long on doorstep_event (site_id, span_kind, last_end);
create index doorstep_event_uid on doorstep_event (site_id, uid);
