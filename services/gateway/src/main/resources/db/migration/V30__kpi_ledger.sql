-- The KPI ledger replaces replaying facts at query time.
--
-- Every generation of the projection has its own tables, created from the templates below by
-- citykpi_create_generation(g) and dropped whole by citykpi_drop_generation(g) once a rebuild has
-- switched over (dropping a table is instant; deleting millions of rows is not).
--   fact_g<N>          the applied events the KPIs use, with business date and recording time
--   seen_event_g<N>    the applied events no KPI uses (so a redelivery is recognised)
--   ledger_row_g<N>    what each record contributes to each KPI and unit, per span of cut-off dates,
--                      with the interval of recording time in which it was known (recorded, superseded)
--   ledger_total_g<N>  the rows' contributions added up per KPI, unit, occurrence month and bucket of
--                      cut-off and recording dates (years, months, days), which queries read
--
-- The facts of the replay design are not carried over: the gateway reads every topic again from the
-- beginning into generation 1 (topics keep every event), which builds the ledger as it goes.

drop table fact;
drop table processed_event;
delete from consumer_position;
delete from projection_generation;

alter table projection_generation add column phase varchar(20)
    check (phase in ('LOADING', 'LEDGER', 'CATCHING_UP'));
alter table projection_generation add column ledger_version bigint not null default 0;
alter table projection_generation add column loaded_to jsonb;
alter table projection_generation add column tables_dropped boolean not null default false;
comment on column projection_generation.phase is 'While BUILDING: LOADING facts from the topics, building the LEDGER from them, CATCHING_UP with the live stream';
comment on column projection_generation.ledger_version is 'Moves with every applied batch; replicas compare it to know their remembered answers are current';
comment on column projection_generation.loaded_to is 'While BUILDING: the end offsets per partition that LOADING reads up to';

insert into projection_generation (generation, state, requested_at, requested_by, activated_at)
values (1, 'ACTIVE', now(), 'migration V30 (KPI ledger)', now());

create table fact_template (
    sequence_no    bigint generated always as identity primary key,
    event_id       uuid         not null unique,
    event_type     varchar(200) not null,
    source         varchar(100) not null,
    subject        varchar(200) not null,
    replay_key     varchar(250) not null,
    org_unit       varchar(12)  not null,
    effective_date date         not null,
    recorded_at    timestamptz  not null,
    report_month   date,
    submitted_on   date,
    data           jsonb        not null
);
create index fact_template_replay_key on fact_template (replay_key);
create index fact_template_subject on fact_template (subject);
create index fact_template_report_month on fact_template (report_month) where report_month is not null;
comment on column fact_template.effective_date is 'Business date (Asia/Shanghai) the fact happened on, from the payload';
comment on column fact_template.recorded_at is 'When the producing service recorded it (ce_time); knownAt filters on it';
comment on column fact_template.replay_key is 'The record whose facts are replayed together (a project, a case, a unit''s FAI series)';
comment on column fact_template.report_month is 'Monthly reports: the first day of the month reported on';
comment on column fact_template.submitted_on is 'Monthly reports: the day the unit submitted it (报送日期), checked at ingest';

create table seen_event_template (
    event_id      uuid primary key,
    event_type    varchar(200) not null,
    topic         varchar(200) not null,
    partition_no  integer      not null,
    record_offset bigint       not null,
    applied_at    timestamptz  not null
);

create table ledger_row_template (
    replay_key       varchar(250) not null,
    row_hash         bigint       not null,
    kpi_id           varchar(100) not null,
    org_unit         varchar(12)  not null,
    record_kind      varchar(40)  not null,
    record_id        varchar(200) not null,
    label            varchar(300),
    scope_year       smallint     not null,
    occurred_on      date,
    until_period_end boolean      not null,
    valid_from       date,
    valid_to         date,
    active_from      date,
    numerator        numeric      not null,
    denominator      numeric,
    record_flags     smallint     not null,
    evidence         uuid[]       not null,
    newest_at        timestamptz,
    attributes       jsonb,
    recorded_at      timestamptz  not null,
    superseded_at    timestamptz
);
create index ledger_row_template_record on ledger_row_template (replay_key, row_hash);
create index ledger_row_template_kpi on ledger_row_template (kpi_id, org_unit, active_from) where superseded_at is null;
create index ledger_row_template_recorded on ledger_row_template using brin (recorded_at);
create index ledger_row_template_superseded on ledger_row_template (superseded_at) where superseded_at is not null;
comment on column ledger_row_template.valid_from is 'First cut-off the contribution holds for (null: always)';
comment on column ledger_row_template.valid_to is 'First cut-off it no longer holds for (null: from then on)';
comment on column ledger_row_template.active_from is 'First cut-off a window can count it: valid_from, or for a flow the day it occurred if later';
comment on column ledger_row_template.occurred_on is 'Flows: the day it happened, counted in windows whose period contains it (null: a stock)';
comment on column ledger_row_template.recorded_at is 'ce_time of the fact that made this row part of what is known';
comment on column ledger_row_template.superseded_at is 'ce_time of the fact that replaced it (null: it stands)';

create table ledger_total_template (
    rec_grain   char(1)      not null,
    cut_grain   char(1)      not null,
    cut_bucket  date         not null,
    rec_bucket  date         not null,
    kpi_id      varchar(100) not null,
    org_unit    varchar(12)  not null,
    scope_year  smallint     not null,
    occ_month   integer      not null,
    numerator   numeric      not null,
    denominator numeric      not null,
    records_y   integer      not null,
    records_q   integer      not null,
    records_m   integer      not null,
    newest_at   timestamptz,
    primary key (rec_grain, cut_grain, cut_bucket, rec_bucket, kpi_id, org_unit, scope_year, occ_month)
);
create index ledger_total_template_kpi on ledger_total_template (kpi_id, rec_grain, cut_grain, cut_bucket);
comment on table ledger_total_template is 'Sums of the rows'' changes: +value from the first cut-off a row counts (at the moment it was recorded), -value from the cut-off it stops holding, and the reverse at the moment it was superseded. A window adds the buckets before its cut-off; a known-at question the buckets recorded before its moment';
comment on column ledger_total_template.cut_grain is 'Y, M or D: the bucket holds the changes of cut-off dates in that year, month or day';
comment on column ledger_total_template.rec_grain is 'Y, M or D: the same for the Asia/Shanghai date the change was recorded';
comment on column ledger_total_template.occ_month is 'yyyymm a flow occurred in; 0 for stocks';

create or replace function citykpi_create_generation(g integer) returns void language plpgsql as $$
begin
    execute format('create table fact_g%s (like fact_template including all)', g);
    execute format('create table seen_event_g%s (like seen_event_template including all)', g);
    execute format('create table ledger_row_g%s (like ledger_row_template including all)', g);
    execute format('create table ledger_total_g%s (like ledger_total_template including all)', g);
end $$;

create or replace function citykpi_drop_generation(g integer) returns void language plpgsql as $$
begin
    execute format('drop table if exists fact_g%s, seen_event_g%s, ledger_row_g%s, ledger_total_g%s', g, g, g, g);
end $$;

select citykpi_create_generation(1);

-- Records the gateway could not use, waiting to be published to citykpi.gateway.dead-letter.v1. Written
-- in the same transaction as the position that skips them, so a record is parked exactly once.
create table dead_letter (
    id              bigint generated always as identity primary key,
    topic           varchar(200) not null,
    partition_no    integer      not null,
    record_offset   bigint       not null,
    record_key      varchar(500),
    record_value    bytea,
    headers         jsonb        not null,
    reason          varchar(2000) not null,
    parked_at       timestamptz  not null,
    published_at    timestamptz,
    unique (topic, partition_no, record_offset)
);
create index dead_letter_pending on dead_letter (id) where published_at is null;
