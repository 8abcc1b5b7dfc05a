-- The key-project register. Money in 万元 (CNY 10,000), NUMERIC, never a float.
create table project (
    id                uuid primary key,
    code              varchar(40)    not null,
    name              varchar(200)   not null,
    org_unit          varchar(12)    not null,
    sector            varchar(40)    not null,
    construction_type varchar(30)    not null,
    total_investment  numeric(14, 2) not null,
    lead_unit         varchar(100),
    location          varchar(200),
    description       varchar(2000),
    stage             varchar(30)    not null,
    registered_on     date           not null,
    recorded_at       timestamptz    not null,
    updated_at        timestamptz    not null,
    version           bigint         not null,
    constraint project_code_unique unique (code),
    constraint project_total_investment_positive check (total_investment > 0)
);

create index project_org_unit on project (org_unit);

comment on column project.total_investment is 'Total planned investment, 万元';
comment on column project.registered_on is 'Effective date: when the project entered the register (Asia/Shanghai)';
comment on column project.recorded_at is 'When the service recorded the registration';
