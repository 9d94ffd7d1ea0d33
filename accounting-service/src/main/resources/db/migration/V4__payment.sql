-- What an invoice owes beyond its gross total (dunning fees, default interest) and what was paid of each kind:
-- §367 BGB ranks them, so they are kept apart rather than folded into one balance.
alter table invoice
    add column fees_charged     numeric(19,2) not null default 0,
    add column fees_paid        numeric(19,2) not null default 0,
    add column interest_charged numeric(19,2) not null default 0,
    add column interest_paid    numeric(19,2) not null default 0;
create index invoice_by_number on invoice (invoice_number);

-- A booked payment and how it was allocated (§367 BGB). Never changed after booking.
create table payment (
    id                 uuid          primary key,
    invoice_id         uuid          not null references invoice (id),
    invoice_number     varchar(20)   not null,
    customer_id        uuid          not null,
    amount             numeric(19,2) not null check (amount > 0),
    currency           varchar(3)    not null,
    value_date         date          not null,
    payer_name         varchar(300),
    reference          varchar(500),
    source             varchar(20)   not null,
    to_fees            numeric(19,2) not null,
    to_interest        numeric(19,2) not null,
    to_principal       numeric(19,2) not null,
    to_credit          numeric(19,2) not null,
    booked_at          timestamptz   not null,
    constraint payment_fully_allocated check (to_fees + to_interest + to_principal + to_credit = amount)
);
create index payment_by_invoice on payment (invoice_id, booked_at);

-- Money of the customer's that settles nothing yet (an overpayment, a paid invoice later cancelled):
-- kept per customer, to be paid back or set off by hand.
create table customer_credit (
    id           uuid          primary key,
    customer_id  uuid          not null,
    amount       numeric(19,2) not null,
    currency     varchar(3)    not null,
    payment_id   uuid          references payment (id),
    reason       varchar(300)  not null,
    created_at   timestamptz   not null
);
create index customer_credit_by_customer on customer_credit (customer_id);
