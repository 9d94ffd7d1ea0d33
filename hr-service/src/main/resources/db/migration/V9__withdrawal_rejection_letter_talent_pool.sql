-- A candidate may withdraw (stage WITHDRAWN); a rejection is sent as a letter, and the day it is sent starts the two
-- months of §15(4) AGG; a candidate may consent to be kept in the talent pool, and withdraw that consent
-- (Art. 7(3) GDPR).
alter table application add column withdrawn_at timestamptz;
alter table application add column rejection_sent_on date;
alter table application add column talent_pool_consent_at timestamptz;
alter table application add column talent_pool_consent_withdrawn_at timestamptz;

create index application_ended_unerased on application (stage) where erased_at is null;
