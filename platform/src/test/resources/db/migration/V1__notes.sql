create table note (
    id       uuid primary key,
    title    varchar(200) not null,
    status   varchar(20)  not null
);
-- What the consumer side of the test app applied: one row per applied event, with its position in the aggregate.
create table note_applied (
    id        bigserial primary key,
    note_id   uuid        not null,
    sequence  integer     not null,
    event_id  varchar(64) not null
);
