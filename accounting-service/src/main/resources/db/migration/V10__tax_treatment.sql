-- How VAT applies to each line (TaxTreatment): what was invoiced before is domestic, as it was charged.
alter table invoice_line
    add column tax_treatment varchar(30) not null default 'DOMESTIC',
    add column tax_reason    varchar(500);
alter table invoice_line alter column tax_treatment drop default;
alter table accepted_offer_line
    add column tax_treatment varchar(30) not null default 'DOMESTIC',
    add column tax_reason    varchar(500);
alter table accepted_offer_line alter column tax_treatment drop default;

-- BT-10 (the buyer's reference, e.g. a Leitweg-ID), BT-13 (their order number) and the date or period of the
-- service (§14 (4) Nr. 6 UStG).
alter table customer add column buyer_reference varchar(200);
alter table accepted_offer
    add column buyer_reference          varchar(200),
    add column purchase_order_reference varchar(200),
    add column service_from             date,
    add column service_until            date;
alter table invoice
    add column buyer_reference          varchar(200),
    add column purchase_order_reference varchar(200),
    add column service_from             date,
    add column service_until            date,
    add constraint invoice_service_period check (service_until is null or service_until >= service_from);
-- Invoices issued before printed their issue date as the date of the service; they keep saying so.
update invoice set service_from = issue_date where issue_date is not null;
