create table published_status_report (
    id                    uuid          primary key,
    project_id            uuid          not null references project (id),
    report_date           date          not null,
    rag                   varchar(10)   not null,
    open_risks            integer       not null,
    escalated_risks       integer       not null,
    overdue_action_items  integer       not null,
    markdown              text          not null,
    published_at          timestamptz   not null,
    published_by          varchar(200)  not null
);
create index published_status_report_project on published_status_report (project_id);
