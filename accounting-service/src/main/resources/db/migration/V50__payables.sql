-- Accounts payable (#26): suppliers as master data and the invoices they send us.

create table supplier (
    id                uuid          primary key,
    name              varchar(300)  not null,
    vat_id            varchar(30),
    tax_number        varchar(50),
    street            varchar(300),
    postal_code       varchar(20),
    city              varchar(200),
    country           varchar(2),
    iban              varchar(34),
    bic               varchar(11),
    -- An invoice naming another account than the known one: held until a person verified it with the supplier.
    pending_iban      varchar(34),
    pending_bic       varchar(11),
    pending_iban_invoice_id uuid,
    confirmed         boolean       not null default false,
    confirmed_by      varchar(255),
    confirmed_at      timestamptz,
    created_at        timestamptz   not null,
    version           bigint        not null default 0
);
create unique index supplier_vat_id on supplier (upper(vat_id)) where vat_id is not null;

create table supplier_invoice (
    id                uuid          primary key,
    supplier_id       uuid          references supplier (id),
    kind              varchar(20)   not null check (kind in ('XRECHNUNG_CII', 'XRECHNUNG_UBL', 'ZUGFERD_PDF', 'OTHER_PDF')),
    status            varchar(20)   not null,
    received_via      varchar(10)   not null,
    received_at       timestamptz   not null,
    recorded_by       varchar(255),
    invoice_number    varchar(200),
    type_code         varchar(3),
    issue_date        date,
    due_date          date,
    currency          varchar(3),
    seller_name       varchar(300),
    seller_vat_id     varchar(30),
    buyer_name        varchar(300),
    buyer_vat_id      varchar(30),
    buyer_reference   varchar(200),
    order_reference   varchar(200),
    project_reference varchar(200),
    payment_terms     varchar(2000),
    iban              varchar(34),
    bic               varchar(11),
    skonto_percent    numeric(7,4),
    skonto_days       integer,
    net_total         numeric(19,2),
    vat_total         numeric(19,2),
    gross_total       numeric(19,2),
    payable_amount    numeric(19,2),
    lines             jsonb,
    vat_breakdown     jsonb,
    checks            jsonb,
    validation        jsonb,
    held_reason       varchar(500),
    approval_needs_second_person boolean not null default false,
    approved_by       varchar(255),
    approved_at       timestamptz,
    payment_run_id    uuid,
    paid_amount       numeric(19,2),
    paid_on           date,
    paid_by_entry     varchar(300),
    version           bigint        not null default 0
);
-- One invoice number per supplier (§14 (4) Nr. 4 UStG: the number is unique for its issuer); rejected ones do not count.
create unique index supplier_invoice_number on supplier_invoice (supplier_id, upper(invoice_number))
    where status <> 'REJECTED' and supplier_id is not null and invoice_number is not null;
create index supplier_invoice_status on supplier_invoice (status, due_date);

-- The file as received (GoBD, §147 AO: kept unchanged for the retention period, readable, with its hash).
create table supplier_invoice_original (
    invoice_id        uuid          primary key references supplier_invoice (id),
    file_name         varchar(300)  not null,
    content_type      varchar(100)  not null,
    sha256            varchar(64)   not null,
    size              integer       not null,
    content           bytea         not null,
    received_at       timestamptz   not null
);

create function supplier_invoice_original_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'an original document is kept as received (GoBD): no update or delete';
end;
$$;
create trigger supplier_invoice_original_immutable
    before update or delete on supplier_invoice_original
    for each row execute function supplier_invoice_original_is_immutable();
