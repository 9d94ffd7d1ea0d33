-- When an unanswered offer passed its validity (set by the daily expiry run or by the first read after validUntil).
alter table offer add column expired_at timestamptz;
-- The expiry run looks for sent offers by validity date.
create index offer_sent_by_validity on offer (valid_until) where status = 'SENT';
