-- A product that offers or templates refer to is deactivated instead of deleted: those documents must stay readable.
alter table product add column active boolean not null default true;
