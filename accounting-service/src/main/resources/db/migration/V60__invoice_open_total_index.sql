-- Amount matching of bank entries (#23) looked invoices up by an expression no index had: a scan of every invoice per
-- entry without an invoice number. The open amount is now a stored column with a partial index over the open ones.
alter table invoice add column open_total numeric(19,2)
    generated always as (gross_total - paid_amount + fees_charged - fees_paid + interest_charged - interest_paid) stored;
create index invoice_open_total on invoice (currency, open_total) where status in ('ISSUED', 'PARTIALLY_PAID');

-- The unique constraint on invoice_number has its own index; this one only cost a second index write per issued invoice.
drop index if exists invoice_by_number;

-- Invoice rows are updated by every payment and dunning step: room on the page lets PostgreSQL keep the new version
-- next to the old one.
alter table invoice set (fillfactor = 90);
