-- Cancellations of large invoices waiting for a second person (four eyes, issue #20).
create table cancellation_approval (
    id            uuid         primary key,
    invoice_id    uuid         not null,
    reason        varchar(500),
    requested_by  varchar(255) not null,
    requested_at  timestamptz  not null,
    status        varchar(32)  not null,
    decided_by    varchar(255),
    decided_at    timestamptz
);
create unique index cancellation_approval_pending on cancellation_approval (invoice_id) where status = 'PENDING_APPROVAL';
