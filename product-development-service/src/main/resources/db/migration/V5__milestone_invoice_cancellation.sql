-- A milestone invoice cancelled by a credit note no longer bills the milestone (kontor.accounting.invoice-cancelled.v1).
alter table milestone_invoice add column credit_note_number varchar(40);
