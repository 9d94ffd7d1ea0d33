create table milestone (
    id            uuid          primary key,
    project_id    uuid          not null references project (id),
    name          varchar(300)  not null,
    due_date      date          not null,
    amount        numeric(15,2) check (amount > 0),
    status        varchar(20)   not null,
    completed_on  date,
    created_at    timestamptz   not null
);
create index milestone_project on milestone (project_id);
