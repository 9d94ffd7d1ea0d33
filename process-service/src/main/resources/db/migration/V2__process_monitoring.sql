-- Process monitoring: a projection of the audit trail's domain events (rebuilt from it by Monitor.rebuild), except
-- sla_breach, which remembers what was already announced so that a rebuild announces nothing twice.
create table process_case (
    id             uuid         primary key,
    process        varchar(64)  not null,
    root_object    varchar(255) not null,
    status         varchar(16)  not null,
    started_at     timestamptz  not null,
    last_event_at  timestamptz  not null,
    closed_at      timestamptz
);
create index process_case_process on process_case (process, status);

create table process_event (
    id           bigserial    primary key,
    process      varchar(64)  not null,
    case_id      uuid         references process_case (id),
    event_id     varchar(255) not null,
    event_type   varchar(255) not null,
    step         varchar(255) not null,
    occurred_at  timestamptz  not null,
    -- ' offer:… invoice:… ': the objects the event names, blank-delimited for a like-match of pending events
    objects      text         not null
);
create index process_event_case on process_event (case_id);
create unique index process_event_once on process_event (process, event_id);

-- id: '<process>|<object key>'
create table case_object (
    id          varchar(320) primary key,
    case_id     uuid         not null references process_case (id)
);

-- id: '<case id>@<last step's time>': one breach per case and wait.
create table sla_breach (
    id             varchar(128) primary key,
    case_id        uuid         not null,
    breached_at    timestamptz  not null
);
