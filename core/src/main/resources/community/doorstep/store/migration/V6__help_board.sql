-- The help board: each site's settings, offers with their units, claims, requests, message threads, and the
-- anonymised counts that stay when personal details are purged. Instants are epoch milliseconds.
create table doorstep_help_settings (
    site_id          varchar(64)   not null primary key,
    mode             varchar(16)   not null,
    moderate         boolean       not null,
    hold_minutes     integer       not null,
    retention_days   integer       not null,
    categories       varchar(4000) not null
);

create table doorstep_help_offer (
    site_id        varchar(64)   not null,
    id             varchar(64)   not null,
    title          varchar(120)  not null,
    details        varchar(1000),
    category       varchar(64)   not null,
    area           varchar(80)   not null,
    quantity       integer       not null,
    held           integer       not null,
    confirmed      integer       not null,
    window_date    date,
    window_weekday smallint,
    window_start   varchar(8)    not null,
    window_end     varchar(8)    not null,
    expires_at     bigint        not null,
    dietary        varchar(200)  not null,
    allergens      varchar(200),
    handover       varchar(16)   not null,
    giver_name     varchar(80)   not null,
    contact_email  varchar(320),
    contact_phone  varchar(30),
    state          varchar(16)   not null,
    moderation     varchar(16)   not null,
    created_at     bigint        not null,
    closed_at      bigint,
    primary key (site_id, id),
    -- the database itself refuses an oversubscribed offer, whatever the code above it does
    constraint doorstep_help_offer_units check (held >= 0 and confirmed >= 0 and held + confirmed <= quantity)
);
create index doorstep_help_offer_state on doorstep_help_offer (site_id, state);

create table doorstep_help_claim (
    site_id         varchar(64)  not null,
    id              varchar(64)  not null,
    offer_id        varchar(64)  not null,
    quantity        integer      not null,
    name            varchar(80)  not null,
    contact_email   varchar(320),
    contact_phone   varchar(30),
    state           varchar(16)  not null,
    held_until      bigint       not null,
    created_at      bigint       not null,
    closed_at       bigint,
    giver_shares    varchar(20),
    claimant_shares varchar(20),
    primary key (site_id, id)
);
create index doorstep_help_claim_offer on doorstep_help_claim (site_id, offer_id);

create table doorstep_help_request (
    site_id          varchar(64)   not null,
    id               varchar(64)   not null,
    need             varchar(120)  not null,
    details          varchar(1000),
    category         varchar(64)   not null,
    area             varchar(80)   not null,
    needed_by        date          not null,
    urgency          varchar(16)   not null,
    for_someone_else boolean       not null,
    dietary          varchar(200)  not null,
    name             varchar(80)   not null,
    contact_email    varchar(320),
    contact_phone    varchar(30),
    state            varchar(16)   not null,
    offer_id         varchar(64),
    claim_id         varchar(64),
    helper_name      varchar(80),
    helper_email     varchar(320),
    helper_phone     varchar(30),
    requester_shares varchar(20),
    helper_shares    varchar(20),
    moderation       varchar(16)   not null,
    created_at       bigint        not null,
    closed_at        bigint,
    primary key (site_id, id)
);
create index doorstep_help_request_state on doorstep_help_request (site_id, state);

create table doorstep_help_post (
    site_id    varchar(64)   not null,
    thread_id  varchar(64)   not null,
    id         varchar(64)   not null,
    side       varchar(16)   not null,
    body       varchar(2000) not null,
    at         bigint        not null,
    primary key (site_id, id)
);
create index doorstep_help_post_thread on doorstep_help_post (site_id, thread_id, at);

create table doorstep_help_count (
    site_id            varchar(64) not null,
    week               date        not null,
    area               varchar(80) not null,
    category           varchar(64) not null,
    units_given        integer     not null,
    requests_completed integer     not null,
    primary key (site_id, week, area, category)
);
