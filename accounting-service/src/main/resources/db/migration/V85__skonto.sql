-- Skonto on our invoices (#16): the cash discount agreed on the invoice, percent and days from the issue date. Null on
-- an invoice without Skonto.
alter table invoice
    add column skonto_percent numeric(5, 2),
    add column skonto_days    int;

-- A Skonto booking (source SKONTO) names the payment it was granted with: reversing that payment takes the discount
-- back as well, since the payment that earned it no longer counts.
alter table payment add column discount_for uuid references payment (id);
create index payment_by_discount_for on payment (discount_for) where discount_for is not null;
