create table minutes (
    id            uuid          primary key,
    project_id    uuid          not null references project (id),
    meeting_date  date          not null,
    attendees     text          not null,
    decisions     text          not null,
    created_at    timestamptz   not null
);
create index minutes_project on minutes (project_id);

create table action_item (
    id            uuid          primary key,
    minutes_id    uuid          not null references minutes (id),
    project_id    uuid          not null references project (id),
    position      integer       not null,
    description   varchar(1000) not null,
    owner         varchar(200)  not null,
    due_date      date          not null,
    completed_on  date
);
create index action_item_project on action_item (project_id);
