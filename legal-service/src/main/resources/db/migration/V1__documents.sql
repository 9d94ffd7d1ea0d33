-- A legal document is one kind in one language (the German AGB, the English privacy notice); its text lives in versions.
create table legal_document (
    id          uuid          primary key,
    kind        varchar(40)   not null,
    language    varchar(2)    not null,
    title       varchar(300)  not null,
    created_by  varchar(200)  not null,
    created_at  timestamptz   not null,
    unique (kind, language)
);

-- DRAFT -> IN_REVIEW -> PUBLISHED. A published row is never updated again (the trigger below says so to anyone who
-- tries, also outside the service): what a customer accepted must be provable as it was (§305 (2) BGB).
create table document_version (
    id              uuid          primary key,
    document_id     uuid          not null references legal_document (id),
    version         int           not null,
    status          varchar(20)   not null check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED')),
    text            text          not null,
    change_note     varchar(2000),
    effective_from  date,
    sha256          varchar(64),
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null,
    submitted_by    varchar(200),
    submitted_at    timestamptz,
    published_by    varchar(200),
    published_at    timestamptz,
    unique (document_id, version),
    check (status <> 'PUBLISHED' or (effective_from is not null and sha256 is not null))
);

-- Two published versions of a document never take effect on the same day: which one is in force stays unambiguous.
create unique index document_version_effective on document_version (document_id, effective_from)
    where status = 'PUBLISHED';

create function document_version_published_is_final() returns trigger as $$
begin
    if old.status = 'PUBLISHED' then
        raise exception 'document version % is published and never changes', old.id;
    end if;
    return new;
end;
$$ language plpgsql;

create trigger document_version_published_is_final
    before update or delete on document_version
    for each row execute function document_version_published_is_final();
