-- Personal data of a candidate (name, e-mail, cover letter, interview notes) is nullable: erasure (GDPR Art. 17)
-- blanks it and keeps the rest of the row as anonymised statistics.
create table application (
    id                uuid          primary key,
    job_opening_id    uuid          not null references job_opening (id),
    first_name        varchar(100),
    last_name         varchar(100),
    email             varchar(254),
    cover_letter      text,
    stage             varchar(20)   not null,
    received_at       timestamptz   not null,
    stage_changed_at  timestamptz   not null,
    rejected_at       timestamptz,
    erased_at         timestamptz
);

-- A candidate applies to an opening once (API.md: the second application is a 409); erased rows have no e-mail.
create unique index application_once_per_candidate on application (job_opening_id, lower(email));
-- The retention job looks for rejected, not yet erased applications.
create index application_rejected_unerased on application (rejected_at) where erased_at is null;

create table interview (
    id              uuid          primary key,
    application_id  uuid          not null references application (id),
    interviewer     varchar(200)  not null,
    scores          text          not null,
    notes           text,
    held_at         timestamptz   not null
);

create index interview_application on interview (application_id);
