-- Who the minutes are mailed to (e-mail addresses, JSON list like attendees): each gets them when they are recorded.
alter table minutes add column distribution text not null default '[]';
