-- Which transaction applied an event: InboxBatchTest shows that a poll is applied in one.
alter table note_applied add column txid bigint not null default txid_current();
