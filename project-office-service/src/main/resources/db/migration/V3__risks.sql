create table risk (
    id           uuid          primary key,
    project_id   uuid          not null references project (id),
    title        varchar(300)  not null,
    probability  integer       not null check (probability between 1 and 5),
    impact       integer       not null check (impact between 1 and 5),
    mitigation   varchar(4000),
    owner        varchar(200)  not null,
    status       varchar(20)   not null,
    escalated    boolean       not null,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null
);
create index risk_project on risk (project_id);

-- The register's history: one row per version of a risk, never updated.
create table risk_change (
    id           uuid          primary key,
    risk_id      uuid          not null references risk (id),
    version      integer       not null,
    changed_at   timestamptz   not null,
    changed_by   varchar(200)  not null,
    title        varchar(300)  not null,
    probability  integer       not null,
    impact       integer       not null,
    score        integer       not null,
    mitigation   varchar(4000),
    owner        varchar(200)  not null,
    status       varchar(20)   not null,
    escalated    boolean       not null,
    unique (risk_id, version)
);
