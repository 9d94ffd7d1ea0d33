-- A customer's dispute of an invoice (Einwand, Reklamation): while disputed, the dunning run leaves the invoice alone.
-- The reason and the day stay after the dispute is resolved, as the record of the last dispute; the day of the
-- resolution is where the next dunning step starts counting its days again.
alter table invoice
    add column disputed            boolean not null default false,
    add column dispute_reason      varchar(500),
    add column disputed_since      date,
    add column dispute_resolved_on date;

-- What a notice's document needs that must not change with later configuration: the points above the base rate
-- (§288 (1) or (2) BGB) its interest was reckoned with, and the day by which it asks to be paid.
alter table dunning_notice
    add column interest_points numeric(5,2),
    add column pay_by          date;
