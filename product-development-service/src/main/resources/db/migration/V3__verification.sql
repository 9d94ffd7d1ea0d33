create table test_case (
    id              uuid          primary key,
    requirement_id  uuid          not null references requirement (id),
    title           varchar(300)  not null,
    steps           text,
    created_at      timestamptz   not null
);
create index test_case_requirement on test_case (requirement_id);

create table test_run (
    id                   uuid          primary key,
    test_case_id         uuid          not null references test_case (id),
    result               varchar(10)   not null check (result in ('PASSED', 'FAILED')),
    requirement_version  int           not null,
    run_at               timestamptz   not null,
    run_by               varchar(200)  not null,
    evidence_url         varchar(2000),
    recorded_at          timestamptz   not null
);
create index test_run_case on test_run (test_case_id, run_at);
