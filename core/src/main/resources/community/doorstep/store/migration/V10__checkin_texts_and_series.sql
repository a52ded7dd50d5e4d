-- Sending texts through a site's SMS gateway (its address, account and password, sealed as one), and check-ins that
-- repeat every week from the first due time, such as a reporting appointment every Tuesday at 10:00.
alter table doorstep_sms_gateway add column sender varchar(3000);
alter table doorstep_checkin add column repeats_from bigint;
