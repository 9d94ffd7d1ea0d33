-- Every credit entry of an imported camt.053 statement, matched or not. The entry key (the bank's reference for the
-- entry) is unique: importing a statement twice, or two statements that overlap, books each entry once.
create table bank_entry (
    id              uuid          primary key,
    entry_key       varchar(300)  not null unique,
    account_iban    varchar(34),
    statement_id    varchar(100),
    booking_date    date,
    value_date      date          not null,
    amount          numeric(19,2) not null,
    currency        varchar(3)    not null,
    payer_name      varchar(300),
    remittance      varchar(2000),
    status          varchar(20)   not null,
    matched_by      varchar(20),
    invoice_id      uuid,
    invoice_number  varchar(20),
    payment_id      uuid,
    reason          varchar(500),
    imported_at     timestamptz   not null
);
-- The clearing list: entries nobody could match yet.
create index bank_entry_unmatched on bank_entry (imported_at) where status = 'UNMATCHED';
