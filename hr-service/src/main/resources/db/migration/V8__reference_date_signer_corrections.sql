-- The date a reference carries (§109 GewO practice): a final one the last day of employment, an interim one the day
-- of issue, a correction the date of the reference it corrects. References issued before keep their issue day.
alter table employment_reference add column dated_on date;
-- A correction points to the reference it replaces; both stay (every issued version is kept).
alter table employment_reference add column corrects_id uuid references employment_reference (id);
alter table employment_reference add column signed_by_name varchar(200);
alter table employment_reference add column signed_by_position varchar(200);
