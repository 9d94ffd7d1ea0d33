create table project (
    id              uuid         primary key,
    name            varchar(300) not null,
    customer_id     uuid,
    offer_id        uuid         unique,
    manager_email   varchar(320) not null,
    start_date      date         not null,
    kickoff_status  varchar(20)  not null,
    created_at      timestamptz  not null
);
create index project_customer on project (customer_id);
