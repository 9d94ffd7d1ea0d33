-- GDPR Art. 17 (3) (b), Art. 18: accounting keeps invoices, payments and dunning notices for the statutory periods
-- (§147 AO, §14b UStG, §257 HGB) and restricts them on an erasure request instead of erasing (AccountingPersonalData).
-- The mark says since when and until which day the records are kept for that purpose only.
alter table customer add column processing_restricted_at timestamptz;
alter table customer add column restricted_until date;
alter table invoice add column processing_restricted_at timestamptz;
alter table invoice add column restricted_until date;
