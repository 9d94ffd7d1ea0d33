-- Events wait here, written in the transaction of the change they describe, until the relay has them in Kafka.
create table outbox (
    id          bigserial    primary key,
    lane        smallint     not null,
    topic       varchar(255) not null,
    record_key  varchar(255),
    headers     jsonb        not null,
    payload     text,
    created_at  timestamptz  not null
);
create index outbox_lane_order on outbox (lane, id);

-- One row per lane; a relay replica publishes a lane only while it holds the lane's row locked.
create table outbox_lane (
    lane smallint primary key
);
insert into outbox_lane (lane) select generate_series(0, 15);
