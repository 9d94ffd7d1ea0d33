-- Legal review of deals (issue #18): a draft the rules hold back is IN_REVIEW until legal decides.
alter table offer drop constraint offer_status_check;
alter table offer add constraint offer_status_check
    check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'SUPERSEDED', 'IN_REVIEW', 'REVIEW_APPROVED',
                      'REVIEW_REJECTED'));

-- The offer's review history: requested (with the reasons), approved or rejected (with legal's comment), returned.
create table offer_review_entry (
    id        uuid          primary key,
    offer_id  uuid          not null references offer (id),
    kind      varchar(20)   not null check (kind in ('REQUESTED', 'APPROVED', 'REJECTED', 'RETURNED_TO_DRAFT')),
    reasons   text          not null,
    comment   varchar(4000),
    actor     varchar(300),
    at        timestamptz   not null
);

create index offer_review_entry_by_offer on offer_review_entry (offer_id, at);
