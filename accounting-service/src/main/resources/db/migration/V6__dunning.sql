-- Dunning state of an invoice: the level reached, when the last notice went out, since when the debtor is in default
-- (the reminder's date, §286 (1) BGB) and up to which day default interest has been charged.
alter table invoice
    add column overdue_reported       boolean not null default false,
    add column last_dunning_on        date,
    add column default_since          date,
    add column interest_accrued_until date;
-- The dunning run looks only at receivable invoices past their due date.
create index invoice_dunning_candidates on invoice (due_date) where status in ('ISSUED', 'PARTIALLY_PAID');

-- Each notice as sent, with the figures it claimed. One notice per level and invoice, whatever runs concurrently.
create table dunning_notice (
    id               uuid          primary key,
    invoice_id       uuid          not null references invoice (id),
    invoice_number   varchar(20)   not null,
    customer_id      uuid          not null,
    level            integer       not null check (level between 1 and 3),
    issued_on        date          not null,
    fee              numeric(19,2) not null,
    interest         numeric(19,2) not null,
    interest_from    date,
    interest_to      date,
    open_principal   numeric(19,2) not null,
    total_owed       numeric(19,2) not null,
    currency         varchar(3)    not null,
    created_at       timestamptz   not null,
    unique (invoice_id, level)
);
