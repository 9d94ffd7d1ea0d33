create table job_opening (
    id                   uuid          primary key,
    title                varchar(200)  not null,
    department           varchar(200),
    location             varchar(200),
    description          text,
    requirements         text          not null default '[]',
    status               varchar(20)   not null,
    staffing_request_id  uuid          unique,
    project_id           uuid,
    created_at           timestamptz   not null
);
