-- Offers accepted in sales, as accounting bills them: at once, or later per completed project milestone.
create table accepted_offer (
    offer_id           uuid          primary key,
    offer_number       varchar(50)   not null,
    revision           integer       not null,
    customer_id        uuid          not null,
    billing            varchar(20)   not null,
    currency           varchar(3)    not null,
    net_total          numeric(19,2),
    vat_total          numeric(19,2),
    gross_total        numeric(19,2),
    accepted_at        timestamptz,
    payment_term_days  integer       not null,
    buyer_number       varchar(50),
    buyer_name         varchar(300)  not null,
    buyer_type         varchar(20)   not null,
    buyer_email        varchar(320),
    buyer_vat_id       varchar(30),
    buyer_street       varchar(300),
    buyer_postal_code  varchar(20),
    buyer_city         varchar(200),
    buyer_country      varchar(2),
    received_at        timestamptz   not null
);
create index accepted_offer_by_customer on accepted_offer (customer_id);

create table accepted_offer_line (
    offer_id          uuid          not null references accepted_offer (offer_id) on delete cascade,
    position          integer       not null,
    sku               varchar(100),
    description       varchar(1000) not null,
    quantity          numeric(19,4) not null,
    unit              varchar(30),
    unit_price        numeric(19,4) not null,
    discount_percent  numeric(5,2)  not null default 0,
    vat_rate          numeric(5,2)  not null,
    net_amount        numeric(19,2) not null,
    primary key (offer_id, position)
);
