create table backlog (
    id          uuid          primary key,
    name        varchar(200)  not null,
    project_id  uuid,
    created_at  timestamptz   not null
);

create table iteration (
    id          uuid          primary key,
    backlog_id  uuid          not null references backlog (id),
    name        varchar(200)  not null,
    starts_on   date          not null,
    ends_on     date          not null check (ends_on >= starts_on),
    capacity    numeric(7,1)  not null check (capacity >= 0),
    created_at  timestamptz   not null
);

create table backlog_item (
    id            uuid          primary key,
    backlog_id    uuid          not null references backlog (id),
    kind          varchar(10)   not null check (kind in ('EPIC', 'STORY', 'TASK', 'BUG')),
    title         varchar(300)  not null,
    description   text,
    -- Lexicographic rank: moving an item gives it a key between its new neighbours, nothing else is renumbered.
    rank          varchar(64)   not null collate "C",
    estimate      numeric(7,1)  check (estimate >= 0),
    iteration_id  uuid          references iteration (id),
    milestone_id  uuid,
    status        varchar(20)   not null,
    created_at    timestamptz   not null,
    completed_at  timestamptz,
    unique (backlog_id, rank)
);
create index backlog_item_backlog on backlog_item (backlog_id, rank);
