-- Tasks from other human steps (issue #20): an unmatched bank entry to assign, an offer in legal review, suspect
-- requirement links. Opened and closed by the events of the acting service, found again by act and subject.
create unique index task_open_step on task (act, subject_id) where kind = 'STEP' and status = 'OPEN';
