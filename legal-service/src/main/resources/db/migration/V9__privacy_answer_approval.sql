-- Four eyes on answering a data-subject request (issue #20): the clerk's answer waits PENDING_APPROVAL for a second
-- person of legal before the request counts as answered.
alter table data_subject_request drop constraint data_subject_request_status_check;
alter table data_subject_request add constraint data_subject_request_status_check
    check (status in ('OPEN', 'PENDING_APPROVAL', 'ANSWERED'));
