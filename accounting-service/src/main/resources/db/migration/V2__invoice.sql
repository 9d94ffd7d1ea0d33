create table invoice (
    id                 uuid          primary key,
    invoice_number     varchar(20)   unique,
    origin             varchar(20)   not null,
    customer_id        uuid          not null,
    offer_id           uuid,
    status             varchar(20)   not null,
    currency           varchar(3)    not null,
    issue_date         date,
    due_date           date,
    payment_term_days  integer       not null,
    net_total          numeric(19,2) not null,
    vat_total          numeric(19,2) not null,
    gross_total        numeric(19,2) not null,
    paid_amount        numeric(19,2) not null default 0,
    dunning_level      integer       not null default 0,
    -- The buyer as invoiced (§14 (4) UStG: name and address belong to the invoice, not to today's master data).
    buyer_number       varchar(50),
    buyer_name         varchar(300)  not null,
    buyer_type         varchar(20)   not null,
    buyer_email        varchar(320),
    buyer_vat_id       varchar(30),
    buyer_street       varchar(300),
    buyer_postal_code  varchar(20),
    buyer_city         varchar(200),
    buyer_country      varchar(2),
    created_at         timestamptz   not null,
    version            bigint        not null default 0,
    constraint invoice_number_iff_issued check ((status = 'DRAFT') = (invoice_number is null))
);
create index invoice_by_customer on invoice (customer_id, created_at desc);
create index invoice_by_status on invoice (status, created_at desc);
-- An accepted offer billed on acceptance gets exactly one invoice, whatever the broker redelivers.
create unique index invoice_per_accepted_offer on invoice (offer_id) where origin = 'OFFER_ACCEPTANCE';

create table invoice_line (
    invoice_id        uuid          not null references invoice (id) on delete cascade,
    position          integer       not null,
    sku               varchar(100),
    description       varchar(1000) not null,
    quantity          numeric(19,4) not null,
    unit              varchar(30),
    unit_price        numeric(19,4) not null,
    discount_percent  numeric(5,2)  not null default 0,
    vat_rate          numeric(5,2)  not null,
    net_amount        numeric(19,2) not null,
    primary key (invoice_id, position)
);

-- The gapless counter of invoice numbers (GoBD, §14 (4) Nr. 4 UStG): one row per year, incremented inside the
-- issuing transaction. A sequence would leave gaps on rollback; the row lock serialises concurrent issuers across
-- replicas, and a rolled-back issue gives its number back.
create table invoice_number_counter (
    year         integer primary key,
    last_number  bigint  not null
);
