-- GDPR Art. 17/18 for customers (CustomerPersonalData): a customer whose sent offers sales must keep as commercial
-- letters (§257 (1) no. 2-3, (4) HGB, §147 (1) no. 2-3, (3) AO) is restricted, not erased; one without is anonymised.
alter table customer add column processing_restricted_at timestamptz;
alter table customer add column restricted_until date;
alter table customer add column erased_at timestamptz;
