-- A customer erased on a data-subject request (GDPR Art. 17, ProjectsPersonalData): the replica keeps id and number,
-- the name gives way to a placeholder, and no later event of sales.customers brings it back.
alter table customer add column erased_on date;
