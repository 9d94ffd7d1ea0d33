-- Gapless document numbers: one row per series ('customer', 'offer-2025', ...), incremented in the transaction that
-- uses the number. A rolled-back creation gives its number back, and concurrent creations queue on the row lock.
create table number_series (
    name        varchar(50) primary key,
    last_value  bigint      not null
);

create table customer (
    id                   uuid         primary key,
    customer_number      varchar(20)  not null,
    name                 varchar(200) not null,
    type                 varchar(20)  not null check (type in ('BUSINESS', 'CONSUMER')),
    email                varchar(254) not null,
    vat_id               varchar(20),
    payment_term_days    integer      not null check (payment_term_days between 0 and 365),
    billing_street       varchar(200) not null,
    billing_postal_code  varchar(20)  not null,
    billing_city         varchar(100) not null,
    billing_country      varchar(2)   not null,
    credit_hold          boolean      not null default false,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    constraint customer_number_unique unique (customer_number)
);
