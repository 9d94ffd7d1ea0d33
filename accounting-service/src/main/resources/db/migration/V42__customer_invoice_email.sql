-- The customer's accounts-payable mailbox from sales (invoiceEmail of the customer events): invoices and dunning
-- notices are mailed there; null in replicas of events from before it existed, then to the contact address.
alter table customer add column invoice_email varchar(254);
