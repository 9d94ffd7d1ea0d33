-- hr erased a former employee (kontor.hr.employee-erased.v1): the directory row keeps only the id and this date, so
-- that no later event brings the person back. Numbered from 20 so that migrations written on parallel branches
-- (V9 and on) cannot take the same version.
alter table staff_member add column erased_on date;
