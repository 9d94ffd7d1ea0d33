-- GDPR Art. 17 (3) (e), Art. 18 (2): a case file naming a person who asked for erasure is kept for the establishment,
-- exercise or defence of legal claims, and marked restricted (LegalPersonalData): while the matter is open
-- (restricted_until null), then until the end of the limitation period, three years from the end of the year of
-- closing (§§195, 199 BGB), set when it is closed.
alter table legal_case add column processing_restricted_at timestamptz;
alter table legal_case add column restricted_until date;
