-- The AGB versions legal published (legal.documents): which one is in force on the day an offer is sent.
create table agb_version (
    document_id     uuid          not null,
    language        varchar(2)    not null,
    version         int           not null,
    title           varchar(300)  not null,
    effective_from  date          not null,
    sha256          varchar(64)   not null,
    published_at    timestamptz   not null,
    primary key (document_id, version)
);

create index agb_version_in_force on agb_version (language, effective_from);

-- The AGB version an offer is sent under (pinned at sending, never changed after), and who declared its acceptance:
-- together the proof that the customer could take note of the terms when contracting (§305 (2) BGB).
alter table offer
    add column terms_document_id     uuid,
    add column terms_language        varchar(2),
    add column terms_version         int,
    add column terms_title           varchar(300),
    add column terms_effective_from  date,
    add column terms_sha256          varchar(64),
    add column accepted_by           varchar(200),
    add column acceptance_recorded_by varchar(300);
