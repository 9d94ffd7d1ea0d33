-- Who made the offer (the token's subject): a front-office system sees only the offers it made itself.
-- Offers made before this column existed have none and are visible to sales and middle office only.
alter table offer add column created_by varchar(255);
create index offer_created_by on offer (created_by);
