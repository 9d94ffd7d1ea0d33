-- Erasure of former employees (privacy/EmployeeRetention): first what no law keeps is erased and the rest restricted
-- (Art. 18 GDPR, §35(3) BDSG), after the statutory retention nothing personal is left and the row is a tombstone.
alter table employee add column restricted_at timestamptz;
alter table employee add column erased_at timestamptz;
alter table employee add column erasure_requested_at timestamptz;
alter table employee alter column first_name drop not null;
alter table employee alter column last_name drop not null;
alter table employee alter column email drop not null;
alter table employee alter column job_title drop not null;

create index employee_former_unerased on employee (leaving_date) where erased_at is null and leaving_date is not null;
