create table employee (
    id              uuid          primary key,
    application_id  uuid          unique references application (id),
    first_name      varchar(100)  not null,
    last_name       varchar(100)  not null,
    email           varchar(254)  not null,
    job_title       varchar(200)  not null,
    department      varchar(200),
    start_date      date          not null,
    created_at      timestamptz   not null
);

create table employment_contract (
    id                  uuid           primary key,
    employee_id         uuid           not null references employee (id),
    contract_type       varchar(20)    not null,
    job_title           varchar(200)   not null,
    start_date          date           not null,
    end_date            date,
    fixed_term_reason   varchar(500),
    annual_salary       numeric(12, 2) not null,
    currency            varchar(3)     not null,
    weekly_hours        numeric(4, 1)  not null,
    probation_months    integer        not null,
    status              varchar(20)    not null,
    created_at          timestamptz    not null,
    signed_at           timestamptz
);

create index employment_contract_employee on employment_contract (employee_id);
