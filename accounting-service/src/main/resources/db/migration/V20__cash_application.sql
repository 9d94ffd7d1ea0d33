-- Cash application (#16). Numbered 20 so that migrations other branches add meanwhile (V12…V19) keep their order.

-- A payment row is a fact and stays; a reversal is a new row with the negated amounts that names the row it reverses
-- (GoBD: traceable, nothing deleted). Parts of one receipt (a collective transfer split over several invoices, §366
-- BGB) share receipt_id; a bank entry's bookings name the entry.
alter table payment drop constraint if exists payment_amount_check;
alter table payment
    add column receipt_id      uuid,
    add column bank_entry_id   uuid,
    add column reverses        uuid references payment (id),
    add column reversed_by     uuid references payment (id),
    add column note            varchar(500);
create unique index payment_reversed_once on payment (reverses) where reverses is not null;
create index payment_by_receipt on payment (receipt_id) where receipt_id is not null;
create index payment_by_value_date on payment (value_date);

-- Credit movements: positive = the customer's money we hold (overpayment, reversal of a set-off), negative = used
-- (set off against an invoice, refunded, reversal of the overpayment).
alter table customer_credit add column kind varchar(20) not null default 'OVERPAYMENT';

-- A notice whose fee and interest turned out not to be owed (the money had arrived, by value date, before it went
-- out) is unwound, not deleted; a later notice of the same level may then follow.
alter table dunning_notice
    add column unwound_on         date,
    add column unwound_by_payment uuid;
alter table dunning_notice drop constraint if exists dunning_notice_invoice_id_level_key;
create unique index dunning_notice_one_per_level on dunning_notice (invoice_id, level) where unwound_on is null;

-- Bank entries: the payer's end-to-end reference, returns, "not a customer payment", collective bookings.
alter table bank_entry
    add column end_to_end_id varchar(100),
    add column receipt_id    uuid,
    add column cleared_note  varchar(500);

-- Level 3 was not paid: the claim is handed to a collection agency or the court dunning procedure; dunning stops.
create table collection_handover (
    invoice_id  uuid         primary key references invoice (id),
    handed_on   date         not null,
    handed_to   varchar(200) not null,
    reference   varchar(200),
    created_at  timestamptz  not null
);
