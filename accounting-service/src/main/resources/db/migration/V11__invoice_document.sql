-- An issued invoice's documents as they were sent (GoBD: unchangeable, reproducible): rendered once at issue, kept as
-- bytes with their SHA-256, served as stored, never rendered again from today's configuration.
create table invoice_document (
    invoice_id  uuid        not null references invoice (id),
    kind        varchar(20) not null check (kind in ('PDF', 'XRECHNUNG', 'ZUGFERD')),
    content     bytea       not null,
    sha256      varchar(64) not null,
    created_at  timestamptz not null,
    primary key (invoice_id, kind)
);
