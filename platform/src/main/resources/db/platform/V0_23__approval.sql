-- Four eyes (io.kontor.platform.approval): an act waiting for a second person, and what became of it. The act's own
-- parameters (a cancellation's reason) are kept in `parameters` so that the service can do the act once approved.
create table approval (
    id            uuid          primary key,
    act           varchar(64)   not null,
    subject_type  varchar(64)   not null,
    subject_id    varchar(255)  not null,
    amount        numeric(19, 2),
    currency      varchar(8),
    summary       varchar(1000) not null,
    parameters    text,
    role          varchar(64)   not null,
    requested_by  varchar(255)  not null,
    requested_at  timestamptz   not null,
    status        varchar(32)   not null,
    decided_by    varchar(255),
    decided_at    timestamptz,
    comment       varchar(1000)
);
-- One waiting approval per act and subject: a second request while one waits is a 409.
create unique index approval_pending on approval (act, subject_id) where status = 'PENDING_APPROVAL';
