-- Four eyes on large discounts (issue #20): a draft waits PENDING_APPROVAL, then is DISCOUNT_APPROVED (or a DRAFT again).
alter table offer drop constraint offer_status_check;
alter table offer add constraint offer_status_check
    check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'SUPERSEDED', 'IN_REVIEW', 'REVIEW_APPROVED',
                      'REVIEW_REJECTED', 'PENDING_APPROVAL', 'DISCOUNT_APPROVED'));
