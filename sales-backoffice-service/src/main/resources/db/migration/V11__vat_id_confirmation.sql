-- The last answer of VIES about the customer's VAT id: kept as proof of the check (§6a (1) Nr. 4 UStG, UStAE 3a.2),
-- cleared when the VAT id changes.
alter table customer
    add column vat_id_valid              boolean,
    add column vat_id_checked_on         date,
    add column vat_id_registered_name    varchar(500),
    add column vat_id_registered_address varchar(1000),
    add column vat_id_request_identifier varchar(100);
