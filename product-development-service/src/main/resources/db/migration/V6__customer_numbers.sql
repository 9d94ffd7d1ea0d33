-- Which customer number a customer id stands for, as accepted offers carried it: a data-subject request names the
-- customer by number (GDPR Art. 15, 17), requirements only by id (ProductDevelopmentPersonalData).
create table customer_number (
    customer_id      uuid          primary key,
    customer_number  varchar(40)   not null
);
create index customer_number_number on customer_number (customer_number);
