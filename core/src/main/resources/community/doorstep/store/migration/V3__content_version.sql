-- Bumped by every write that changes what a site's public pages show, in the same transaction, so caches
-- in front of the read paths can tell in one primary-key read whether what they hold is still current.
alter table doorstep_site add column content_version bigint default 0 not null;
