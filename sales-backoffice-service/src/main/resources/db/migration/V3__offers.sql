create table offer (
    id                uuid          primary key,
    offer_number      varchar(20)   not null,
    revision          integer       not null,
    customer_id       uuid          not null references customer (id),
    status            varchar(20)   not null check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED')),
    billing           varchar(20)   not null check (billing in ('ON_ACCEPTANCE', 'MILESTONES')),
    currency          varchar(3)    not null,
    issue_date        date          not null,
    valid_until       date          not null,
    net_total         numeric(19,2) not null,
    vat_total         numeric(19,2) not null,
    gross_total       numeric(19,2) not null,
    created_at        timestamptz   not null,
    sent_at           timestamptz,
    accepted_at       timestamptz,
    rejected_at       timestamptz,
    rejection_reason  varchar(1000),
    constraint offer_number_unique unique (offer_number)
);
create index offer_by_customer on offer (customer_id, issue_date);
create index offer_by_status on offer (status);

-- The lines as offered: product name, unit, price and VAT rate are copied, so a later price change leaves the offer as sent.
create table offer_line (
    offer_id          uuid          not null references offer (id) on delete cascade,
    line_no           integer       not null,
    sku               varchar(64)   not null,
    description       varchar(200)  not null,
    quantity          numeric(12,3) not null check (quantity > 0),
    unit              varchar(20)   not null,
    unit_price        numeric(12,2) not null check (unit_price > 0),
    discount_percent  numeric(5,2)  not null check (discount_percent between 0 and 100),
    vat_rate          integer       not null,
    net_amount        numeric(19,2) not null,
    primary key (offer_id, line_no)
);
