-- Livelihood (民生): programmes with planned quantities, social assistance, employment, 12345 hotline.
create table programme (
    id                uuid primary key,
    code              varchar(40)    not null unique,
    name              varchar(200)   not null,
    category          varchar(40)    not null,
    org_unit          varchar(12)    not null,
    programme_year    integer        not null,
    unit              varchar(20)    not null,
    planned_quantity  numeric(14, 2) not null check (planned_quantity > 0),
    recorded_at       timestamptz    not null
);
create index programme_org_unit on programme (org_unit, programme_year);

create table programme_progress (
    programme_id  uuid           not null references programme (id),
    report_month  date           not null,
    quantity      numeric(14, 2) not null check (quantity >= 0),
    recorded_at   timestamptz    not null,
    updated_at    timestamptz    not null,
    primary key (programme_id, report_month)
);

-- Social assistance disbursed per unit, month and category: 万元 and beneficiary-times (人次).
create table assistance (
    org_unit          varchar(12)    not null,
    report_month      date           not null,
    category          varchar(40)    not null,
    amount            numeric(14, 2) not null check (amount >= 0),
    beneficiary_times integer        not null check (beneficiary_times >= 0),
    recorded_at       timestamptz    not null,
    updated_at        timestamptz    not null,
    primary key (org_unit, report_month, category)
);

create table employment (
    org_unit                     varchar(12)  not null,
    report_month                 date         not null,
    new_urban_jobs               integer      not null check (new_urban_jobs >= 0),
    registered_unemployment_rate numeric(5, 2) check (registered_unemployment_rate between 0 and 100),
    graduate_placements          integer      not null check (graduate_placements >= 0),
    veteran_placements           integer      not null check (veteran_placements >= 0),
    recorded_at                  timestamptz  not null,
    updated_at                   timestamptz  not null,
    primary key (org_unit, report_month)
);

create table hotline_case (
    case_number        varchar(40)  primary key,
    org_unit           varchar(12)  not null,
    case_type          varchar(20)  not null,
    proactive          boolean      not null,
    summary            varchar(1000),
    received_at        timestamptz  not null,
    response_due_at    timestamptz  not null,
    due_at             timestamptz  not null,
    status             varchar(20)  not null,
    accepted_at        timestamptz,
    accepted_on_time   boolean,
    resolved_at        timestamptz,
    solved             boolean,
    resolved_on_time   boolean,
    feedback           varchar(30),
    feedback_at        timestamptz,
    rework_count       integer      not null default 0,
    escalated          boolean      not null default false,
    recorded_at        timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null
);
create index hotline_case_org_unit on hotline_case (org_unit, received_at);
comment on column hotline_case.due_at is 'End of the last working day of the type''s time limit (Asia/Shanghai)';

create table hotline_case_history (
    id           bigint generated always as identity primary key,
    case_number  varchar(40)  not null references hotline_case (case_number),
    action       varchar(30)  not null,
    occurred_at  timestamptz  not null,
    detail       varchar(500),
    recorded_at  timestamptz  not null
);
create index hotline_case_history_case on hotline_case_history (case_number, id);
