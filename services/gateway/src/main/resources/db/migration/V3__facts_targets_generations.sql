-- The KPI engine reads facts (the applied events, with their effective date and the time they were
-- recorded) instead of per-domain summary tables, so any KPI can be answered as of any date and as
-- known at any moment. Facts belong to a projection generation: a rebuild replays every topic into
-- a new generation and switches over once it has caught up.

create table projection_generation (
    generation    integer primary key,
    state         varchar(20) not null check (state in ('BUILDING', 'ACTIVE', 'RETIRED')),
    requested_at  timestamptz not null,
    requested_by  varchar(100) not null,
    activated_at  timestamptz,
    retired_at    timestamptz,
    events_applied bigint not null default 0
);
create unique index projection_generation_one_active on projection_generation (state) where state = 'ACTIVE';
create unique index projection_generation_one_building on projection_generation (state) where state = 'BUILDING';
insert into projection_generation (generation, state, requested_at, requested_by, activated_at)
values (1, 'ACTIVE', now(), 'migration V3', now());

-- The project_fact summary is replaced by facts. Its events are still on the topic (kept forever),
-- so generation 1 starts from the beginning of every topic.
drop table project_fact;
delete from processed_event;
delete from consumer_position;

alter table processed_event add column generation integer not null default 1;
alter table processed_event drop constraint processed_event_pkey;
alter table processed_event add primary key (generation, event_id);
alter table processed_event alter column generation drop default;

alter table consumer_position add column generation integer not null default 1;
alter table consumer_position drop constraint consumer_position_pkey;
alter table consumer_position add primary key (generation, topic, partition_no);
alter table consumer_position alter column generation drop default;

create table fact (
    generation     integer      not null,
    sequence_no    bigserial    not null,
    event_id       uuid         not null,
    event_type     varchar(200) not null,
    source         varchar(100) not null,
    subject        varchar(200) not null,
    org_unit       varchar(12)  not null,
    effective_date date         not null,
    recorded_at    timestamptz  not null,
    data           jsonb        not null,
    primary key (generation, event_id)
);
create index fact_by_source on fact (generation, source, effective_date);

comment on column fact.effective_date is 'Business date (Asia/Shanghai) the fact happened on, from the payload';
comment on column fact.recorded_at is 'When the producing service recorded it (ce_time); knownAt filters on it';

-- Targets per year, KPI and org unit; phasing holds cumulative checkpoints [{"period":"2025Q1","value":50}].
create table kpi_target (
    year        integer        not null,
    kpi_id      varchar(100)   not null,
    org_unit    varchar(12)    not null,
    value       numeric(18, 2) not null,
    phasing     jsonb          not null default '[]',
    note        varchar(500),
    version     integer        not null,
    updated_at  timestamptz    not null,
    updated_by  varchar(100)   not null,
    primary key (year, kpi_id, org_unit)
);

-- Every change to a target: who, when, what it was and what it became.
create table kpi_target_audit (
    id          bigserial primary key,
    year        integer      not null,
    kpi_id      varchar(100) not null,
    org_unit    varchar(12)  not null,
    action      varchar(10)  not null check (action in ('CREATED', 'UPDATED', 'DELETED')),
    old_target  jsonb,
    new_target  jsonb,
    changed_by  varchar(100) not null,
    changed_at  timestamptz  not null
);
create index kpi_target_audit_key on kpi_target_audit (year, kpi_id, org_unit, id);
