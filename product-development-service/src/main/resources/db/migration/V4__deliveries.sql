-- Replicas fed by events: projects (from project-office), completed milestones (project-office) and the invoices that
-- billed them (accounting). Never asked for synchronously.
create table project (
    id           uuid          primary key,
    name         varchar(300)  not null,
    customer_id  uuid,
    offer_id     uuid
);
create index project_offer on project (offer_id);

create table milestone (
    id            uuid          primary key,
    project_id    uuid          not null,
    name          varchar(300)  not null,
    offer_id      uuid,
    customer_id   uuid,
    completed_on  date
);

create table milestone_invoice (
    invoice_id      uuid          primary key,
    invoice_number  varchar(40)   not null,
    milestone_id    uuid          not null,
    project_id      uuid,
    issue_date      date          not null,
    gross_total     numeric(15,2) not null,
    currency        varchar(3)    not null
);
create index milestone_invoice_milestone on milestone_invoice (milestone_id);
