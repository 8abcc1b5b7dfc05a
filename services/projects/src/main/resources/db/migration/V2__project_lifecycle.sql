-- Statistical registration (入库/入统): a status of its own, independent of the construction stage.
alter table project add column stat_registered_on date;
comment on column project.stat_registered_on is 'Effective date of statistical registration; null = not registered';

-- Every stage the project has been in, with the date it happened (effective) and when it was recorded.
create table project_stage_change (
    id             bigint generated always as identity primary key,
    project_id     uuid         not null references project (id),
    from_stage     varchar(30),
    to_stage       varchar(30)  not null,
    effective_date date         not null,
    note           varchar(500),
    recorded_at    timestamptz  not null
);
create index project_stage_change_project on project_stage_change (project_id, id);

-- Annual plan per project and year: the denominators of start rate and investment completion rate.
create table project_plan (
    project_id                 uuid           not null references project (id),
    plan_year                  integer        not null,
    planned_investment         numeric(14, 2) not null check (planned_investment >= 0),
    planned_start_month        date,
    planned_completion_month   date,
    planned_production_month   date,
    -- Jan..Dec phasing of planned_investment (万元), comma-separated decimals; null = even over the year
    monthly_investment         varchar(400),
    recorded_at                timestamptz    not null,
    updated_at                 timestamptz    not null,
    primary key (project_id, plan_year)
);
comment on column project_plan.planned_start_month is 'First day of the planned start month';

-- Investment completed per project and month (万元); a re-submission replaces the value.
create table project_investment_report (
    project_id   uuid           not null references project (id),
    report_month date           not null,
    amount       numeric(14, 2) not null check (amount >= 0),
    recorded_at  timestamptz    not null,
    updated_at   timestamptz    not null,
    primary key (project_id, report_month)
);
comment on column project_investment_report.report_month is 'First day of the month the investment was completed in';
