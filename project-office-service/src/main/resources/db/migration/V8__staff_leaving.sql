-- hr announces the last day of an employment (kontor.hr.employee-left.v1); the directory no longer offers the
-- person for staffing after it.
alter table staff_member add column leaving_date date;
