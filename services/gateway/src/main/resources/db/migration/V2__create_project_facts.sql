-- Projection of citykpi.projects.v1: one row per project, enough to count the register as of any date.
create table project_fact (
    project_id       uuid primary key,
    code             varchar(40)    not null,
    org_unit         varchar(12)    not null,
    total_investment numeric(14, 2) not null,
    stage            varchar(30)    not null,
    registered_on    date           not null,
    cancelled_on     date,
    updated_at       timestamptz    not null
);

create index project_fact_org_unit on project_fact (org_unit);

comment on column project_fact.total_investment is 'Total planned investment, 万元';
comment on column project_fact.registered_on is 'Effective date the project entered the register';
