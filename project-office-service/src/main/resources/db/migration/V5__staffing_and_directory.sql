create table staffing_request (
    id            uuid          primary key,
    project_id    uuid          not null references project (id),
    role          varchar(200)  not null,
    skills        text          not null,
    start_date    date          not null,
    status        varchar(20)   not null,
    employee_id   uuid,
    filled_at     timestamptz,
    created_at    timestamptz   not null
);
create index staffing_request_project on staffing_request (project_id);

-- Read replicas fed by events: hr.employees (employee-onboarded) and sales.customers.
create table staff_member (
    employee_id   uuid          primary key,
    first_name    varchar(200),
    last_name     varchar(200),
    email         varchar(320),
    job_title     varchar(200),
    department    varchar(200),
    start_date    date
);

create table customer (
    id               uuid          primary key,
    customer_number  varchar(50),
    name             varchar(300)  not null
);
