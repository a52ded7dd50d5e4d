-- Due work: db-scheduler's table (its documented columns), under Doorstep's own name. One row per due task;
-- the node that runs it marks it picked and keeps a heartbeat, so a dead node's work is taken over.
create table doorstep_scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(200) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean      not null,
    picked_by            varchar(100),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint       not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index doorstep_scheduled_tasks_due on doorstep_scheduled_tasks (execution_time);
create index doorstep_scheduled_tasks_heartbeat on doorstep_scheduled_tasks (last_heartbeat);

-- The outbox: a message is written in the transaction of the change that causes it, with its delivery task.
create table doorstep_outbox (
    id          varchar(100)   not null primary key,
    site_id     varchar(64)    not null,
    channel     varchar(16)    not null,
    target      varchar(2000)  not null,
    secret      varchar(200),
    type        varchar(100)   not null,
    language    varchar(35)    not null,
    subject     varchar(500)   not null,
    body        varchar(20000) not null,
    data        varchar(20000) not null,
    created_at  bigint         not null,
    state       varchar(16)    not null,
    attempts    integer        not null,
    last_error  varchar(500),
    finished_at bigint
);
create index doorstep_outbox_state on doorstep_outbox (site_id, state, created_at);

-- Endpoints that answered 410 Gone: nothing more is sent to them until the site's settings name them again.
create table doorstep_gone_endpoint (
    site_id     varchar(64)  not null,
    target_hash varchar(64)  not null,
    since       bigint       not null,
    primary key (site_id, target_hash)
);

-- Site settings: how long residents' suggestions are kept once over, and where coordinators hear of new ones.
alter table doorstep_site add column suggestion_retention_days integer default 7 not null;
alter table doorstep_site add column coordinator_channel varchar(16);
alter table doorstep_site add column coordinator_target varchar(2000);
alter table doorstep_site add column coordinator_secret varchar(200);
