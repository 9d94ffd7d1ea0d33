-- What sales learns from accounting (accounting.invoices): the invoices of an offer, whether they are paid, the
-- customer's overdue invoices behind a credit hold, and the follow-ups planned from all this.

alter table offer add column paid boolean not null default false;

-- The invoices accounting issued for an offer: one on acceptance, or one per milestone.
create table offer_invoice (
    offer_id        uuid        not null references offer (id) on delete cascade,
    invoice_id      uuid        not null,
    invoice_number  varchar(30) not null,
    status          varchar(20) not null check (status in ('ISSUED', 'PAID', 'CANCELLED')),
    linked_at       timestamptz not null,
    constraint offer_invoice_once unique (invoice_id)
);
create index offer_invoice_by_offer on offer_invoice (offer_id);

-- A customer's invoices that accounting reported overdue or dunned and that are not settled yet. A credit hold stays
-- while the customer has any row here.
create table overdue_invoice (
    invoice_id      uuid        primary key,
    customer_id     uuid        not null references customer (id),
    invoice_number  varchar(30) not null,
    dunning_level   integer     not null check (dunning_level between 0 and 3),
    reported_at     timestamptz not null
);
create index overdue_invoice_by_customer on overdue_invoice (customer_id);

create table follow_up (
    id             uuid          primary key,
    customer_id    uuid          not null references customer (id),
    offer_id       uuid          references offer (id),
    invoice_id     uuid,
    kind           varchar(30)   not null check (kind in ('AFTER_ACCEPTANCE', 'AFTER_PAYMENT', 'AFTER_CANCELLATION')),
    reason         varchar(500)  not null,
    due_on         date          not null,
    status         varchar(10)   not null check (status in ('OPEN', 'DONE')),
    note           varchar(2000),
    created_at     timestamptz   not null,
    completed_at   timestamptz,
    reopened_at    timestamptz
);
-- One call after each acceptance and one after-sale check per paid invoice, however often the events arrive.
create unique index follow_up_once_per_acceptance on follow_up (offer_id) where kind = 'AFTER_ACCEPTANCE';
create unique index follow_up_once_per_invoice on follow_up (invoice_id, kind) where invoice_id is not null;
create index follow_up_open_by_due on follow_up (due_on) where status = 'OPEN';
create index follow_up_by_offer on follow_up (offer_id);
