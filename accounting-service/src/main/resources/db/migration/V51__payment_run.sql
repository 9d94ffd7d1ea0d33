-- Payment runs of accounts payable (#26): which invoices a SEPA credit transfer file (pain.001.001.09) pays.
create table payment_run (
    id                uuid          primary key,
    message_id        varchar(35)   not null unique,
    execution_date    date          not null,
    due_by            date          not null,
    created_by        varchar(255),
    created_at        timestamptz   not null,
    transfers         integer       not null,
    total             numeric(19,2) not null,
    currency          varchar(3)    not null,
    sha256            varchar(64)   not null,
    pain001           bytea         not null
);

alter table supplier_invoice add column end_to_end_id varchar(35) unique;
alter table supplier_invoice add column payment_amount numeric(19,2);
alter table supplier_invoice add column skonto_taken numeric(19,2);
