-- Issue #15: milestones bill the accepted offer, at most its net total, and only when it is billed by milestones.
alter table project add column offer_billing varchar(20);
alter table project add column offer_net_total numeric(21, 2);
