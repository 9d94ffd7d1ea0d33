-- Who registered the customer (the token's issuer and subject): a front-office system makes offers only for the
-- customers it registered itself (issue #24). Customers registered before have none: staff only.
alter table customer add column registered_by varchar(255);
