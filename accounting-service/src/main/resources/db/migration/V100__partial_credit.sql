-- Partial credit notes (#15): a correction of part of an issued invoice (§17 (1) UStG: the price was reduced) as a
-- document of its own, numbered in the gapless GS range the cancellations use (§14 (4) Nr. 4 UStG), never changed.
-- against_open is what it took off the invoice's open principal, to_customer_credit what exceeded that on a paid
-- invoice and is owed back (a customer_credit row of kind CREDIT_NOTE).
create table partial_credit (
    id                 uuid          primary key,
    invoice_id         uuid          not null references invoice (id),
    customer_id        uuid          not null,
    number             varchar(20)   not null unique,
    issued_on          date          not null,
    reason             varchar(500)  not null,
    currency           varchar(3)    not null,
    net_amount         numeric(19,2) not null check (net_amount > 0),
    vat_amount         numeric(19,2) not null check (vat_amount >= 0),
    gross_amount       numeric(19,2) not null,
    against_open       numeric(19,2) not null check (against_open >= 0),
    to_customer_credit numeric(19,2) not null check (to_customer_credit >= 0),
    discount_percent   numeric(5,2),
    discount_amount    numeric(19,2),
    discount_reason    varchar(200),
    created_at         timestamptz   not null,
    constraint partial_credit_split check (against_open + to_customer_credit = gross_amount)
);
create index partial_credit_by_invoice on partial_credit (invoice_id);
create index partial_credit_by_issued_on on partial_credit (issued_on);

-- Its lines: a part of an invoice line (original_position, the line's printed position) or an amount of one VAT rate.
create table partial_credit_line (
    partial_credit_id uuid          not null references partial_credit (id),
    position          integer       not null,
    original_position integer,
    sku               varchar(100),
    description       varchar(1000) not null,
    quantity          numeric(19,4) not null,
    unit              varchar(30),
    unit_price        numeric(19,4) not null,
    discount_percent  numeric(5,2)  not null,
    vat_rate          numeric(5,2)  not null,
    net_amount        numeric(19,2) not null,
    tax_treatment     varchar(30)   not null,
    tax_reason        varchar(500),
    primary key (partial_credit_id, position)
);

-- Its documents, frozen at issue like an invoice's (GoBD).
create table partial_credit_document (
    partial_credit_id uuid        not null references partial_credit (id),
    kind              varchar(20) not null check (kind in ('PDF', 'XRECHNUNG', 'ZUGFERD', 'ZUGFERD_PDF')),
    content           bytea       not null,
    sha256            varchar(64) not null,
    created_at        timestamptz not null,
    primary key (partial_credit_id, kind)
);

-- The invoice's open principal is less what partial credits took off it.
alter table invoice add column credited_amount numeric(19,2) not null default 0;
drop index if exists invoice_open_total;
alter table invoice drop column open_total;
alter table invoice add column open_total numeric(19,2)
    generated always as (gross_total - paid_amount - credited_amount + fees_charged - fees_paid + interest_charged
                         - interest_paid) stored;
create index invoice_open_total on invoice (currency, open_total) where status in ('ISSUED', 'PARTIALLY_PAID');
