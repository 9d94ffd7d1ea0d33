-- Goods or a service decides where a sale is taxed (§3, §3a, §6a UStG). The catalogue so far sold hours and days of
-- work, so the products it has are services; goods must say so.
alter table product add column kind varchar(10) not null default 'SERVICE' check (kind in ('GOODS', 'SERVICE'));
alter table product alter column kind drop default;

-- BT-10 of an e-invoice: the customer's own reference, for public buyers their Leitweg-ID.
alter table customer add column buyer_reference varchar(200);

-- The customer's order number (BT-13) and the date or period of the service (§14 (4) Nr. 6 UStG) the invoice names.
alter table offer
    add column purchase_order_reference varchar(200),
    add column service_from             date,
    add column service_until            date,
    add constraint offer_service_period check (
        (service_from is null and service_until is null)
        or (service_from is not null and (service_until is null or service_until >= service_from)));

-- How VAT applies to each line; offers made before are domestic, which is what they charged.
alter table offer_line
    add column tax_treatment varchar(30) not null default 'DOMESTIC',
    add column tax_reason    varchar(500);
alter table offer_line alter column tax_treatment drop default;
