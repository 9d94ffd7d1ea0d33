-- The answers of the services to a data-subject request (kontor.privacy.data-subject-request-answered.v1): one per
-- service and request, kept as they arrived (records and actions as JSON), from which legal assembles the bundle.
create table data_subject_answer (
    id           uuid          primary key,
    request_id   uuid          not null references data_subject_request (id),
    service      varchar(100)  not null,
    found        boolean       not null,
    records      text          not null,
    actions      text          not null,
    answered_at  timestamptz   not null,
    received_at  timestamptz   not null,
    event_id     varchar(100)  not null,
    unique (request_id, service)
);

-- When every service expected had answered (the request is then ANSWERED by itself, unless a clerk answered before).
alter table data_subject_request add column complete_at timestamptz;
