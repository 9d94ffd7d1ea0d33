-- The customer's accounts-payable mailbox: invoices and dunning notices go there, offers to the contact (email).
alter table customer add column invoice_email varchar(254);
