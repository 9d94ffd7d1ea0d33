create table product (
    id          uuid          primary key,
    sku         varchar(64)   not null,
    name        varchar(200)  not null,
    unit_price  numeric(12,2) not null check (unit_price > 0),
    -- German VAT (UStG §12): standard 19 %, reduced 7 %, 0 % (e.g. solar installations, §12 (3)).
    vat_rate    integer       not null check (vat_rate in (19, 7, 0)),
    unit        varchar(20)   not null,
    created_at  timestamptz   not null,
    constraint product_sku_unique unique (sku)
);
