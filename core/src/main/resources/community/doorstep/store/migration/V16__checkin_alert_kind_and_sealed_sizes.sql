-- What raised a check-in's alert (missed, SOS or duress), so every tier it reaches is told the same.
alter table doorstep_checkin add column alert_kind varchar(32);
-- Sealed values are base64 of the UTF-8 text and 28 bytes more: a nickname, note or contact in a script of three
-- bytes a character (Tigrinya, Amharic, Chinese) needs four characters for each, so the columns hold that much.
alter table doorstep_checkin alter column nickname set data type varchar(400);
alter table doorstep_checkin alter column note set data type varchar(4200);
alter table doorstep_checkin alter column reminder set data type varchar(12000);
alter table doorstep_circle alter column responders set data type varchar(400000);
alter table doorstep_sms_gateway alter column secret set data type varchar(3000);
alter table doorstep_sms_gateway alter column sender set data type varchar(12000);
