-- Where the host gave an encryption key, a message's receiver, subject, text and data are kept sealed (AES-GCM,
-- base64: up to four characters for every three bytes of UTF-8), so the columns hold the sealed form of the longest.
alter table doorstep_outbox alter column target set data type varchar(8100);
alter table doorstep_outbox alter column secret set data type varchar(900);
alter table doorstep_outbox alter column subject set data type varchar(2100);
alter table doorstep_outbox alter column body set data type varchar(81000);
alter table doorstep_outbox alter column data set data type varchar(41000);
-- Rows written before are plain, and stay readable.
alter table doorstep_outbox add column sealed boolean default false not null;
-- What a message is about (a check-in), so it goes with it.
alter table doorstep_outbox add column owner varchar(200);
create index doorstep_outbox_owner on doorstep_outbox (site_id, owner);
