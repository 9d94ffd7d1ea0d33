-- Issue #15: a final invoice (Schlussrechnung) bills the whole offer and deducts the earlier partial invoices with
-- their VAT (§14 (5) UStG), one row per earlier invoice and VAT rate.
alter table invoice add column final_invoice boolean not null default false;

create table invoice_deduction (
    invoice_id        uuid          not null references invoice (id) on delete cascade,
    position          integer       not null,
    invoice_number    varchar(30)   not null,
    issue_date        date          not null,
    vat_rate          numeric(5, 2) not null,
    tax_treatment     varchar(30)   not null,
    net_amount        numeric(19, 2) not null,
    vat_amount        numeric(19, 2) not null,
    primary key (invoice_id, position)
);
