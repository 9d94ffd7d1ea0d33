-- Outbox rows Kafka refused for good (record too large, topic not authorised, invalid or unknown topic). The relay
-- moves such a row here, in the transaction that would have deleted it, and goes on with the other keys; later rows
-- with the same record_key stay in the outbox until an admin retries or discards this one. The id is the row's outbox
-- id, so a retry puts it back in the outbox ahead of its key's waiting rows.
create table outbox_parked (
    id          bigint       primary key,
    lane        smallint     not null,
    topic       varchar(255) not null,
    record_key  varchar(255),
    headers     jsonb        not null,
    payload     text,
    created_at  timestamptz  not null,
    error       text         not null,
    attempts    integer      not null,
    parked_at   timestamptz  not null
);
-- The relay asks for every pending row whether its key is held by a parked row.
create index outbox_parked_key on outbox_parked (record_key);
