-- The essential terms a contract states beyond pay, hours and dates (§2(1) NachwG), as resolved at drafting: JSON,
-- printed whole. Contracts drafted before have none.
alter table employment_contract add column written_terms text;
-- The employee's address as the contract names the party (no. 1), encrypted (PersonalDataCipher); the personnel
-- file's current address is the employee's own column.
alter table employment_contract add column employee_address_sealed text;
alter table employee add column address_sealed text;
