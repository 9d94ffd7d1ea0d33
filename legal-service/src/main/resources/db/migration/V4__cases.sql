-- Case files (Vertretung bei Rechtsstreitigkeiten, #18): matters with parties, documents, costs and deadlines.
create sequence legal_case_number start 1;

create table legal_case (
    id               uuid           primary key,
    case_number      varchar(40)    not null unique,
    kind             varchar(20)    not null check (kind in ('COLLECTION', 'INVOICE_DISPUTE', 'LABOUR_LAW', 'OTHER')),
    status           varchar(20)    not null check (status in ('OPEN', 'CLOSED')),
    title            varchar(300)   not null,
    summary          varchar(4000),
    -- What opened it, so that the same fact delivered twice opens one case ("collection:<invoice>", ...); null when
    -- a clerk opened it.
    origin_key       varchar(200)   unique,
    invoice_id       uuid,
    invoice_number   varchar(40),
    customer_id      uuid,
    employee_id      uuid,
    currency         varchar(3),
    claim_amount     numeric(19,2)  check (claim_amount >= 0),
    opened_on        date           not null,
    opened_by        varchar(300)   not null,
    result           varchar(20),
    amount_recovered numeric(19,2)  check (amount_recovered >= 0),
    closing_note     varchar(4000),
    closed_on        date,
    closed_by        varchar(300),
    created_at       timestamptz    not null,
    version          bigint         not null default 0,
    check ((status = 'CLOSED') = (closed_on is not null))
);

create index legal_case_by_status on legal_case (status, kind, opened_on);
create index legal_case_by_invoice on legal_case (invoice_id) where invoice_id is not null;

create table case_party (
    id         uuid          primary key,
    case_id    uuid          not null references legal_case (id),
    position   int           not null,
    role       varchar(20)   not null check (role in ('CLIENT', 'OPPONENT', 'COURT', 'COUNSEL', 'COLLECTOR', 'OTHER')),
    name       varchar(300)  not null,
    reference  varchar(200),
    contact    varchar(300),
    unique (case_id, position)
);

-- Uploaded files, kept with their SHA-256 so that what was filed can be shown to be unchanged.
create table case_document (
    id           uuid          primary key,
    case_id      uuid          not null references legal_case (id),
    file_name    varchar(255)  not null,
    media_type   varchar(200)  not null,
    size_bytes   bigint        not null,
    sha256       varchar(64)   not null,
    content      bytea         not null,
    uploaded_by  varchar(300)  not null,
    uploaded_at  timestamptz   not null
);

create index case_document_by_case on case_document (case_id, uploaded_at);

create table case_cost (
    id           uuid           primary key,
    case_id      uuid           not null references legal_case (id),
    kind         varchar(20)    not null check (kind in ('COURT_FEE', 'LAWYER_FEE', 'COLLECTION_FEE', 'OTHER')),
    description  varchar(500)   not null,
    amount       numeric(19,2)  not null check (amount > 0),
    currency     varchar(3)     not null,
    incurred_on  date           not null,
    recorded_by  varchar(300)   not null,
    recorded_at  timestamptz    not null
);

create index case_cost_by_case on case_cost (case_id, incurred_on);

-- Fristen. A reminder goes to the legal team once the reminder day is reached (reminded_at), the feed lists the open ones.
create table case_deadline (
    id           uuid          primary key,
    case_id      uuid          not null references legal_case (id),
    title        varchar(300)  not null,
    due_on       date          not null,
    basis        varchar(300),
    remind_on    date          not null,
    reminded_at  timestamptz,
    done_on      date,
    done_by      varchar(300),
    created_at   timestamptz   not null,
    check (remind_on <= due_on)
);

create index case_deadline_open on case_deadline (remind_on) where done_on is null;
create index case_deadline_by_case on case_deadline (case_id, due_on);
