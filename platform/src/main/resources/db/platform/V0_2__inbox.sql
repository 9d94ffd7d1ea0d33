-- Events each consumer has applied; the primary key makes a redelivered event a no-op.
create table inbox (
    consumer      varchar(255) not null,
    event_id      varchar(255) not null,
    processed_at  timestamptz  not null,
    primary key (consumer, event_id)
);
