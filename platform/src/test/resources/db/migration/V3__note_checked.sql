-- A row that breaks a constraint only when its transaction commits (deferred): InboxBatchTest's batch whose commit
-- fails although every handler call succeeded.
create table note_checked (
    note_id uuid not null,
    constraint note_checked_note foreign key (note_id) references note (id) deferrable initially deferred
);
