-- Accounting's copy of the customers it bills, fed by sales.customers (sales owns the master data).
create table customer (
    id                 uuid         primary key,
    customer_number    varchar(50)  not null,
    name               varchar(300) not null,
    type               varchar(20)  not null,
    email              varchar(320),
    vat_id             varchar(30),
    payment_term_days  integer      not null,
    street             varchar(300),
    postal_code        varchar(20),
    city               varchar(200),
    country            varchar(2),
    credit_hold        boolean      not null default false,
    -- ce_time of the event the row reflects: an older event (a replayed dead letter) must not overwrite a newer one.
    source_time        timestamptz,
    updated_at         timestamptz  not null
);
