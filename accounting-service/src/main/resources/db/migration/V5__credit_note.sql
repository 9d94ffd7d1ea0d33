-- Credit notes GS-<year>-<6 digits> are numbered gaplessly like invoices, by the same counter, in their own series.
alter table invoice_number_counter add column series varchar(2) not null default 'RE';
alter table invoice_number_counter drop constraint invoice_number_counter_pkey;
alter table invoice_number_counter add primary key (series, year);
alter table invoice_number_counter alter column series drop default;

-- A cancelled invoice keeps its number and lines (GoBD: nothing is deleted); the credit note that reverses it is
-- recorded with it.
alter table invoice
    add column credit_note_number  varchar(20) unique,
    add column cancelled_on        date,
    add column cancellation_reason varchar(500),
    add constraint credit_note_iff_cancelled check ((status = 'CANCELLED') = (credit_note_number is not null));
