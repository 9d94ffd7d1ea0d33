-- Changing a sent offer makes revision n+1 under the same number; the sent revision is kept, SUPERSEDED.
alter table offer drop constraint offer_number_unique;
alter table offer add constraint offer_number_revision_unique unique (offer_number, revision);
alter table offer drop constraint offer_status_check;
alter table offer add constraint offer_status_check
    check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'SUPERSEDED'));
alter table offer add column previous_revision_id uuid references offer (id);
alter table offer add column superseded_by_id uuid references offer (id);
alter table offer add column superseded_at timestamptz;
