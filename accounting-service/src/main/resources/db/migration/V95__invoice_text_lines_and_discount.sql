-- Issue #15: offers bring headings (text lines without an amount), free lines without SKU and a document discount
-- before VAT; the invoice carries them, the discount as an allowance per VAT rate (EN 16931 BG-20).
alter table invoice_line add column kind varchar(10);
alter table accepted_offer_line add column kind varchar(10);

alter table invoice add column discount_percent numeric(5, 2);
alter table invoice add column discount_amount numeric(19, 2);
alter table invoice add column discount_reason varchar(200);

alter table accepted_offer add column discount_percent numeric(5, 2);
alter table accepted_offer add column discount_amount numeric(19, 2);
alter table accepted_offer add column discount_reason varchar(200);
