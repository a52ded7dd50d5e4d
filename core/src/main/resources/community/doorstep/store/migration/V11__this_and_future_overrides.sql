-- An override imported with RECURRENCE-ID;RANGE=THISANDFUTURE changes its instance and every later one of its series.
alter table doorstep_event add column this_and_future boolean default false not null;
