-- Check-ins: circles of responders, running check-ins, and the counts that stay when a check-in is deleted.
-- Nicknames, notes and every contact are sealed (AES-GCM, a key the host holds) before they reach these tables.
create table doorstep_circle (
    site_id         varchar(64)    not null,
    id              varchar(64)    not null,
    name            varchar(100)   not null,
    escalate_after  integer        not null,
    responders      varchar(30000) not null,
    primary key (site_id, id)
);

create table doorstep_checkin (
    site_id          varchar(64)   not null,
    id               varchar(64)   not null,
    nickname         varchar(200)  not null,
    note             varchar(3000),
    circle_id        varchar(64)   not null,
    deadline         bigint        not null,
    grace_minutes    integer       not null,
    extensions       integer       not null,
    extended_minutes integer       not null,
    reminder         varchar(3000),
    duress_pin_hash  varchar(64),
    state            varchar(16)   not null,
    alerted_tier     integer       not null,
    raised_at        bigint,
    acknowledged_by  integer       not null,
    acknowledged_at  bigint,
    created_at       bigint        not null,
    ended_at         bigint,
    primary key (site_id, id)
);
create index doorstep_checkin_ended on doorstep_checkin (ended_at);

create table doorstep_checkin_count (
    site_id       varchar(64) not null,
    week          date        not null,
    check_ins     integer     not null,
    alerts_raised integer     not null,
    primary key (site_id, week)
);

create table doorstep_checkin_ack (
    site_id  varchar(64) not null,
    week     date        not null,
    seconds  bigint      not null
);
create index doorstep_checkin_ack_week on doorstep_checkin_ack (site_id, week);
