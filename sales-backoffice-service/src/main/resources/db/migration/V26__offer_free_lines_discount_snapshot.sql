-- Issue #15: offers with free-text and heading lines, a document discount before VAT, gross prices for consumers
-- (§1 PAngV) and the customer's address and payment terms frozen when the offer is sent.
alter table offer_line add column kind varchar(10) not null default 'PRODUCT';
alter table offer_line alter column sku drop not null;
-- A text line stores zeros for its amounts; every other line is still priced.
alter table offer_line drop constraint offer_line_quantity_check;
alter table offer_line drop constraint offer_line_unit_price_check;
alter table offer_line add constraint offer_line_priced_check
    check (kind = 'TEXT' or (quantity > 0 and unit_price > 0 and sku is not null or kind = 'FREE' and quantity > 0 and unit_price > 0));

alter table offer add column lines_net_total numeric(21, 2);
alter table offer add column discount_percent numeric(5, 2);
alter table offer add column discount_amount numeric(21, 2);
alter table offer add column discount_reason varchar(200);
alter table offer add column prices_gross boolean not null default false;

-- Who the offer was sent to and on which terms, as they were then: a later change of the master data does not change
-- a sent offer or its PDF.
alter table offer add column recipient_customer_number varchar(20);
alter table offer add column recipient_name varchar(200);
alter table offer add column recipient_street varchar(200);
alter table offer add column recipient_postal_code varchar(20);
alter table offer add column recipient_city varchar(100);
alter table offer add column recipient_country varchar(2);
alter table offer add column recipient_vat_id varchar(20);
alter table offer add column payment_term_days integer;
