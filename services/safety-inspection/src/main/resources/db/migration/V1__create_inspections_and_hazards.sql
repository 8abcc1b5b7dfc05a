-- Safety inspections (安全隐患排查整治) and the hazards they find, as a closed loop.
create table inspection (
    id                   uuid primary key,
    org_unit             varchar(12)    not null,
    domain               varchar(30)    not null,
    place_type           varchar(30)    not null,
    place_name           varchar(200)   not null,
    address              varchar(300),
    inspected_on         date           not null,
    team                 varchar(200)   not null,
    with_experts         boolean        not null,
    experts              varchar(300),
    project_code         varchar(40),
    penalties_issued     integer        check (penalties_issued >= 0),
    penalty_amount       numeric(14, 2) check (penalty_amount >= 0),
    recorded_at          timestamptz    not null
);
create index inspection_org_unit on inspection (org_unit, inspected_on);
comment on column inspection.with_experts is '监管+专家: experts took part in the inspection';
comment on column inspection.penalty_amount is 'Penalties imposed, 万元';

create table hazard (
    id                         uuid primary key,
    inspection_id              uuid          not null references inspection (id),
    org_unit                   varchar(12)   not null,
    domain                     varchar(30)   not null,
    place_type                 varchar(30)   not null,
    severity                   varchar(10)   not null,
    description                varchar(1000) not null,
    found_on                   date          not null,
    original_deadline          date          not null,
    -- the deadline in force: the original one, or the latest approved extension
    deadline                   date          not null,
    status                     varchar(12)   not null,
    rectified_on               date,
    measures                   varchar(1000),
    verified_on                date,
    listed_on                  date,
    supervising_unit           varchar(100),
    -- the deadline whose "overdue" event was emitted: exactly one event per hazard and deadline
    overdue_notified_deadline  date,
    recorded_at                timestamptz   not null,
    updated_at                 timestamptz   not null,
    version                    bigint        not null
);
create index hazard_org_unit on hazard (org_unit, found_on);
create index hazard_open_by_deadline on hazard (deadline) where status = 'OPEN';

create table hazard_history (
    id             bigint generated always as identity primary key,
    hazard_id      uuid          not null references hazard (id),
    action         varchar(40)   not null,
    effective_date date          not null,
    detail         varchar(1000),
    recorded_at    timestamptz   not null
);
create index hazard_history_hazard on hazard_history (hazard_id, id);

create table deadline_extension (
    id                 uuid primary key,
    hazard_id          uuid         not null references hazard (id),
    reason             varchar(500) not null,
    requested_deadline date         not null,
    requested_on       date         not null,
    status             varchar(10)  not null,
    decided_on         date,
    decision_note      varchar(500),
    recorded_at        timestamptz  not null
);
create index deadline_extension_hazard on deadline_extension (hazard_id);
