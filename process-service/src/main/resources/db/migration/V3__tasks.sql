-- The task inbox: human steps for a role (approvals first), with a due time and escalation after it.
create table task (
    id             uuid         primary key,
    kind           varchar(32)  not null,
    act            varchar(64)  not null,
    approval_id    uuid,
    subject_id     varchar(255) not null,
    title          varchar(500) not null,
    assignee_role  varchar(64)  not null,
    requested_by   varchar(255),
    link           varchar(500),
    status         varchar(16)  not null,
    created_at     timestamptz  not null,
    due_at         timestamptz  not null,
    escalated_at   timestamptz,
    decided_by     varchar(255),
    decided_at     timestamptz,
    comment        varchar(1000)
);
create unique index task_approval on task (approval_id) where approval_id is not null;
create index task_inbox on task (assignee_role, status);
