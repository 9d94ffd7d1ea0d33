-- Collection with legal (#18): a dispute escalated to legal, the outcome of a collection case, and the write-off of
-- what could not be recovered.

-- The day the current dispute went to legal (once per dispute; a new dispute clears it).
alter table invoice
    add column dispute_escalated_on date,
    add column written_off_on       date;

-- What legal reported when it closed the collection case of a handed-over invoice.
alter table collection_handover
    add column case_id          uuid,
    add column case_number      varchar(40),
    add column result           varchar(20) check (result in ('PAID', 'PARTIALLY_PAID', 'WRITTEN_OFF')),
    add column amount_recovered numeric(19,2),
    add column closed_on        date;

-- A write-off (Forderungsausfall) is a record of its own: the invoice keeps what it charged and what was paid on it,
-- and this row says what was lost, when, why and on which voucher (legal's case), so that an auditor can follow it
-- (GoBD: traceability, no change hiding the former state). At most one per invoice; never updated or deleted.
create table invoice_write_off (
    invoice_id     uuid          primary key references invoice (id),
    written_off_on date          not null,
    currency       varchar(3)    not null,
    principal      numeric(19,2) not null check (principal >= 0),
    fees           numeric(19,2) not null check (fees >= 0),
    interest       numeric(19,2) not null check (interest >= 0),
    total          numeric(19,2) not null check (total = principal + fees + interest),
    reason         varchar(500)  not null,
    voucher        varchar(80)   not null,
    case_id        uuid,
    created_at     timestamptz   not null
);

create function invoice_write_off_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'a write-off is final (GoBD): invoice %', old.invoice_id;
end;
$$;

create trigger invoice_write_off_final before update or delete on invoice_write_off
    for each row execute function invoice_write_off_is_final();
