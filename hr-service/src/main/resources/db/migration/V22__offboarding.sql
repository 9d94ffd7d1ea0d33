-- The offboarding checklist (offboarding/OffboardingStep): one row per step, written when the leaving is recorded.
create table offboarding_task (
    id           uuid         primary key,
    employee_id  uuid         not null references employee (id),
    step         varchar(40)  not null,
    due_by       date         not null,
    done_on      date,
    unique (employee_id, step)
);
