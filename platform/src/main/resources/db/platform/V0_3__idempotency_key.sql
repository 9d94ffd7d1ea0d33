-- Answers to creating POSTs that carried an Idempotency-Key, replayed when the same caller sends the key again.
create table idempotency_key (
    caller           varchar(255) not null,
    idempotency_key  varchar(255) not null,
    operation        varchar(1000) not null,
    fingerprint      varchar(64)  not null,
    status           integer,
    body             text,
    location         varchar(2000),
    created_at       timestamptz  not null,
    primary key (caller, idempotency_key)
);
create index idempotency_key_age on idempotency_key (created_at);
