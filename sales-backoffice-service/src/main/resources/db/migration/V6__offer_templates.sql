-- Offer templates: the standard texts and lines of a kind of offer, some lines optional (the customer may add them).
create table offer_template (
    id             uuid          primary key,
    name           varchar(200)  not null,
    validity_days  integer       not null check (validity_days between 1 and 365),
    intro_text     varchar(4000),
    terms_text     varchar(4000),
    created_at     timestamptz   not null
);

create table offer_template_line (
    template_id  uuid          not null references offer_template (id) on delete cascade,
    line_no      integer       not null,
    sku          varchar(64)   not null,
    quantity     numeric(12,3) not null check (quantity > 0),
    optional     boolean       not null,
    primary key (template_id, line_no)
);

-- An offer keeps the texts it was made with; a later change of the template leaves it as sent.
alter table offer add column template_id uuid references offer_template (id);
alter table offer add column intro_text varchar(4000);
alter table offer add column terms_text varchar(4000);

-- An optional line (Optionsposition) is offered but counts in the totals only once the customer chooses it.
alter table offer_line add column optional boolean not null default false;
alter table offer_line add column chosen boolean not null default false;
