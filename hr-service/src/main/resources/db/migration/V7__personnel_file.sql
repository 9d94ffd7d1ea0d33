-- The rest of the personnel file. Social-security number and IBAN are encrypted (PersonalDataCipher); the leaving
-- date is plain, since the staff directory and the references need to query and print it.
alter table employee add column social_security_number_sealed text;
alter table employee add column iban_sealed text;
alter table employee add column leaving_date date;
alter table employee add column leaving_reason varchar(30);
alter table employee add column leaving_signed_by_name varchar(200);
alter table employee add column leaving_signed_by_position varchar(200);
