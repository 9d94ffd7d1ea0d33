-- A dismissal by the employer (#18): the day the notice reached the employee, which starts the three weeks in which
-- the employee may bring an action against it (§4 KSchG); legal watches that period (event employee-dismissed).
alter table employee add column notice_received_on date;
