-- The requirements a milestone delivers, from product development's backlog-item-completed events (#19).
create table milestone_requirement (
    milestone_id    uuid          not null,
    requirement_id  uuid          not null,
    number          varchar(20)   not null,
    title           varchar(300)  not null,
    version         int           not null,
    primary key (milestone_id, requirement_id)
);
