-- A site's own limits on extending a check-in.
create table doorstep_checkin_settings (
    site_id               varchar(64) not null primary key,
    max_extensions        integer     not null,
    max_extension_minutes integer     not null
);
