-- GDPR Art. 17 (3) (b), Art. 18: audit-trail entries that name a person who asked for erasure stay (the trail is
-- append-only, GoBD Rz. 58; the entries are kept until their retain_until) and are marked restricted here, outside the
-- hash chain, so that marking them changes nothing the chain covers (ProcessPersonalData).
create table audit_restriction (
    seq            bigint       primary key references audit_entry (seq),
    restricted_at  timestamptz  not null,
    kept_until     date         not null
);
