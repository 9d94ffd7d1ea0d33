-- Who an employee is, to find an earlier employment with us (§14(2) sentence 2 TzBfG). Birth date and tax id are
-- stored encrypted (PersonalDataCipher); the digests are keyed hashes (blind indexes) to look a person up without
-- decrypting every row. Employees hired before this migration have none until HR adds them.
alter table employee add column birth_date_sealed text;
alter table employee add column tax_id_sealed text;
alter table employee add column tax_id_digest varchar(64);
alter table employee add column name_birth_digest varchar(64);

create index employee_tax_id_digest on employee (tax_id_digest);
create index employee_name_birth_digest on employee (name_birth_digest);

-- A fixed term's extension (§14(2) TzBfG) is an amendment: it moves the end date and nothing else; the signed contract
-- stays as it was signed.
create table contract_extension (
    id                 uuid          primary key,
    contract_id        uuid          not null references employment_contract (id),
    number             integer       not null check (number > 0),
    previous_end_date  date          not null,
    end_date           date          not null,
    fixed_term_reason  varchar(500),
    agreed_on          date          not null,
    created_at         timestamptz   not null,
    unique (contract_id, number)
);
