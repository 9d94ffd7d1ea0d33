-- Projects opened by hand before milestones had a currency get the office's default (application.properties).
alter table project add column currency varchar(3) not null default 'EUR';
alter table project alter column currency drop default;

-- One kick-off per project; its UID in the invitation is derived from the project id, so it never changes.
create table kickoff (
    project_id        uuid         primary key references project (id),
    scheduled_at      timestamptz  not null,
    duration_minutes  integer      not null,
    participants      text         not null,
    agenda            text         not null,
    sequence          integer      not null,
    updated_at        timestamptz  not null
);
