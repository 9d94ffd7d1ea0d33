-- Accounts payable's intake mailbox (#26): what each mail brought. One row per mail and attachment (by its SHA-256),
-- or one per mail without a usable attachment, so that a mail read twice - by two replicas, or again after a crash
-- between storing its invoice and marking it seen - never makes a second invoice, and no mail goes unrecorded.
create table supplier_invoice_mail (
    id                uuid          primary key,
    message_id        varchar(998)  not null,
    sender            varchar(998),
    subject           varchar(998),
    sent_at           timestamptz,
    read_at           timestamptz   not null,
    file_name         varchar(300),
    sha256            varchar(64),
    -- INVOICE (stored: the invoice's own status says RECEIVED, NEEDS_DATA or REJECTED), DUPLICATE (the invoice was
    -- received before), REFUSED (not an invoice file: empty, too large, unreadable), NO_ATTACHMENT.
    outcome           varchar(20)   not null check (outcome in ('INVOICE', 'DUPLICATE', 'REFUSED', 'NO_ATTACHMENT')),
    invoice_id        uuid          references supplier_invoice (id),
    detail            varchar(2000)
);
create unique index supplier_invoice_mail_once on supplier_invoice_mail (message_id, coalesce(sha256, ''));
create index supplier_invoice_mail_read on supplier_invoice_mail (read_at desc);
