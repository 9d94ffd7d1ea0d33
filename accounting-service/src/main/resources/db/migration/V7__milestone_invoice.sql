-- Milestone invoices of offers billed by MILESTONES: one per completed milestone, whatever the broker redelivers.
alter table invoice
    add column project_id   uuid,
    add column milestone_id uuid;
create unique index invoice_per_milestone on invoice (milestone_id) where origin = 'MILESTONE';
