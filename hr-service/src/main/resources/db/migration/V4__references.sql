-- Every issued reference is kept: a new one for the same employee and kind is a new version, never an edit.
create table employment_reference (
    id            uuid          primary key,
    employee_id   uuid          not null references employee (id),
    kind          varchar(20)   not null,
    version       integer       not null,
    performance   smallint      not null check (performance between 1 and 5),
    expertise     smallint      not null check (expertise between 1 and 5),
    reliability   smallint      not null check (reliability between 1 and 5),
    conduct       smallint      not null check (conduct between 1 and 5),
    tasks         text          not null default '[]',
    leaving_date  date,
    text          text          not null,
    issued_at     timestamptz   not null,
    unique (employee_id, kind, version)
);
