-- Data-subject requests (GDPR Art. 15, 16, 17), answered within one month of receipt (Art. 12 (3)).
create table data_subject_request (
    id               uuid           primary key,
    kind             varchar(20)    not null check (kind in ('ACCESS', 'RECTIFICATION', 'ERASURE')),
    subject_name     varchar(300),
    email            varchar(320),
    customer_number  varchar(40),
    employee_number  varchar(40),
    application_id   uuid,
    details          varchar(4000),
    received_on      date           not null,
    deadline         date           not null,
    status           varchar(20)    not null check (status in ('OPEN', 'ANSWERED')),
    answer           varchar(8000),
    answered_by      varchar(300),
    answered_at      timestamptz,
    registered_by    varchar(300)   not null,
    registered_at    timestamptz    not null,
    -- Somebody must be identifiable, or no service can say what it holds about them.
    check (email is not null or customer_number is not null or employee_number is not null
           or application_id is not null)
);

create index data_subject_request_open on data_subject_request (status, deadline);

-- The record of processing activities (Art. 30 (1) GDPR), kept as data so that it can be exported for the authority.
create table processing_activity (
    id                  uuid           primary key,
    name                varchar(300)   not null unique,
    owner               varchar(100)   not null,
    purposes            text           not null,
    legal_basis         varchar(500)   not null,
    data_subjects       text           not null,
    data_categories     text           not null,
    recipients          text           not null,
    third_countries     varchar(1000),
    retention           varchar(1000)  not null,
    security_measures   varchar(4000)  not null,
    changed_by          varchar(300)   not null,
    changed_at          timestamptz    not null
);
