-- Offers sales held back for legal's advice (offer-review-requested), and legal's decision on each.
create table offer_review (
    id                 uuid           primary key,
    offer_id           uuid           not null,
    offer_number       varchar(40)    not null,
    revision           int            not null,
    customer_id        uuid           not null,
    customer_name      varchar(300)   not null,
    customer_country   varchar(2),
    payment_term_days  int            not null,
    currency           varchar(3)     not null,
    net_total          numeric(19,2)  not null,
    gross_total        numeric(19,2)  not null,
    terms_text         text,
    lines              text           not null,
    reasons            text           not null,
    requested_by       varchar(300),
    requested_at       timestamptz    not null,
    status             varchar(20)    not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    comment            varchar(4000),
    decided_by         varchar(300),
    decided_at         timestamptz,
    -- One review per request, however often the event comes.
    unique (offer_id, requested_at)
);

create index offer_review_by_status on offer_review (status, requested_at);
