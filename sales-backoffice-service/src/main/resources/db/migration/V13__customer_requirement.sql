-- A line the customer asked for as a requirement: product development files it once the offer is accepted (#19).
alter table offer_line add column customer_requirement boolean not null default false;
