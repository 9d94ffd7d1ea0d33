-- Gapless counters (REQ-000001, ...): a rollback gives the number back.
create table number_series (
    name        varchar(50) primary key,
    last_value  bigint      not null
);

create table requirement (
    id                    uuid          primary key,
    number                varchar(20)   not null unique,
    title                 varchar(300)  not null,
    description           text          not null,
    kind                  varchar(20)   not null check (kind in ('FUNCTIONAL', 'QUALITY', 'REGULATORY')),
    priority              varchar(10)   not null check (priority in ('MUST', 'SHOULD', 'COULD', 'WONT')),
    acceptance_criteria   text          not null,
    source_kind           varchar(20)   not null check (source_kind in ('OFFER', 'LEGAL', 'INTERNAL')),
    source_offer_id       uuid,
    source_offer_number   varchar(40),
    source_offer_line     int,
    source_document       varchar(300),
    customer_id           uuid,
    customer_name         varchar(300),
    status                varchar(20)   not null,
    version               int           not null,
    created_by            varchar(200)  not null,
    created_at            timestamptz   not null,
    approved_at           timestamptz,
    verified_at           timestamptz,
    -- One draft per line of an accepted offer, however often the event comes.
    unique (source_offer_id, source_offer_line)
);
create index requirement_customer on requirement (customer_id);

-- Every approved version as it was: the history and the diff between two versions.
create table requirement_version (
    requirement_id        uuid          not null references requirement (id),
    version               int           not null,
    title                 varchar(300)  not null,
    description           text          not null,
    kind                  varchar(20)   not null,
    priority              varchar(10)   not null,
    acceptance_criteria   text          not null,
    changed_by            varchar(200)  not null,
    changed_at            timestamptz   not null,
    primary key (requirement_id, version)
);

-- What a requirement is linked to: its parent, what it depends on, the backlog items implementing it and the test
-- cases verifying it. A change to an approved requirement makes its links suspect until someone confirms them.
create table trace_link (
    id                uuid          primary key,
    requirement_id    uuid          not null references requirement (id),
    kind              varchar(20)   not null check (kind in ('PARENT', 'DEPENDS_ON', 'IMPLEMENTED_BY', 'VERIFIED_BY')),
    target_id         uuid          not null,
    suspect           boolean       not null,
    suspect_since     int,
    created_at        timestamptz   not null,
    confirmed_by      varchar(200),
    confirmed_at      timestamptz,
    unique (requirement_id, kind, target_id)
);
create index trace_link_target on trace_link (target_id);
create unique index trace_link_one_parent on trace_link (requirement_id) where kind = 'PARENT';
