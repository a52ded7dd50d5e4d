-- The language an event's words are in, where its calendar says (SUMMARY;LANGUAGE=cy): pages mark its title with it.
alter table doorstep_event add column language varchar(35);
