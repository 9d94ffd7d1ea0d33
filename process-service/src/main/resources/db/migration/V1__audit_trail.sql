-- The IT compliance audit trail (GoBD Rz. 58 ff., 107 ff.: unalterable, complete, in order). Each entry's hash is
-- SHA-256 over the previous entry's hash and the entry's canonical text, so a changed, removed or inserted row breaks
-- the chain from there on (AuditChain). Sequence numbers are gapless: the head row is locked for each append.
create table audit_entry (
    seq            bigint       primary key,
    kind           varchar(32)  not null,
    record_kind    varchar(32)  not null,
    event_id       varchar(255),
    event_type     varchar(255) not null,
    topic          varchar(255),
    subject        varchar(255),
    actor          varchar(255),
    occurred_at    timestamptz  not null,
    recorded_at    timestamptz  not null,
    retain_until   date         not null,
    payload        text         not null,
    previous_hash  varchar(64)  not null,
    hash           varchar(64)  not null
);
create unique index audit_entry_event on audit_entry (event_id) where event_id is not null;
create index audit_entry_type on audit_entry (event_type);

-- The last link: one row, locked by each append so that entries are chained in one order.
create table audit_head (
    id    int      primary key check (id = 1),
    seq   bigint   not null,
    hash  varchar(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

-- Append-only in the database too, not only in the code: an UPDATE, DELETE or TRUNCATE of the trail is refused for
-- everyone but the table's owner who first disables the trigger on purpose (and that is what verification catches).
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only (GoBD Rz. 58): % refused', tg_op;
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
