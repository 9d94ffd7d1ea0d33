-- Outgoing mail (io.kontor.platform.mail). A row is written in the transaction of the business change that sends the
-- mail (offer sent, invoice issued, ...), like an outbox row, and MailSender delivers it afterwards. The row stays as
-- the delivery record: what went to whom with which files (SHA-256), when it was handed to SMTP, what the server
-- answered, how often it was tried. Versions 0.x are the platform's; 0.21 after the issue that brought it.
create table mail_delivery (
    id                 uuid          primary key,
    -- Made when the request is stored and sent with every attempt, so that a repeat after a crash between the
    -- server's acceptance and our bookkeeping carries the same Message-ID and is recognisable as a repeat.
    message_id         varchar(255)  not null unique,
    document_type      varchar(64)   not null,
    document_id        varchar(255)  not null,
    recipient          varchar(254)  not null,
    subject            varchar(998)  not null,
    body_text          text          not null,
    language           varchar(8)    not null,
    -- PENDING (due at next_attempt_at), SENDING (handed to SMTP, answer not yet recorded), SENT, FAILED.
    status             varchar(16)   not null,
    attempts           integer       not null default 0,
    max_attempts       integer       not null,
    next_attempt_at    timestamptz,
    handed_to_smtp_at  timestamptz,
    accepted_at        timestamptz,
    server_response    text,
    last_error         text,
    -- Attempts started again because an earlier one was left in SENDING (the sender died after handing the mail to
    -- SMTP): the recipient may have the message twice, with the same Message-ID.
    in_doubt_resends   integer       not null default 0,
    resend_of          uuid          references mail_delivery (id),
    requested_by       varchar(255),
    created_at         timestamptz   not null
);
create index mail_delivery_due on mail_delivery (next_attempt_at) where status = 'PENDING';
create index mail_delivery_sending on mail_delivery (handed_to_smtp_at) where status = 'SENDING';
create index mail_delivery_document on mail_delivery (document_type, document_id);

create table mail_attachment (
    delivery_id   uuid          not null references mail_delivery (id),
    position      smallint      not null,
    file_name     varchar(255)  not null,
    content_type  varchar(255)  not null,
    size_bytes    integer       not null,
    sha256        char(64)      not null,
    content       bytea         not null,
    primary key (delivery_id, position)
);
