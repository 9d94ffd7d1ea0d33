-- The AGB version the customer accepted with the offer (offer-accepted's terms): the invoice names it.
alter table accepted_offer
    add column terms_title           varchar(300),
    add column terms_version         int,
    add column terms_effective_from  date;
