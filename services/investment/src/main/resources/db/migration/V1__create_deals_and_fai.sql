-- Investment attraction (招商引资) and fixed-asset investment (固定资产投资). Money in 万元, NUMERIC.
create table deal (
    id                uuid primary key,
    name              varchar(200)   not null,
    investor          varchar(200)   not null,
    investor_origin   varchar(100)   not null,
    org_unit          varchar(12)    not null,
    sector            varchar(40)    not null,
    signed_on         date           not null,
    contract_amount   numeric(14, 2) not null check (contract_amount > 0),
    lead_unit         varchar(100),
    project_code      varchar(40),
    status            varchar(20)    not null,
    status_since      date           not null,
    recorded_at       timestamptz    not null,
    updated_at        timestamptz    not null,
    version           bigint         not null
);
create index deal_org_unit on deal (org_unit);
create index deal_signed_on on deal (signed_on);
comment on column deal.contract_amount is 'Contract amount (合同金额), 万元; changes only through an amendment';

create table deal_status_change (
    id             bigint generated always as identity primary key,
    deal_id        uuid        not null references deal (id),
    from_status    varchar(20),
    to_status      varchar(20) not null,
    effective_date date        not null,
    note           varchar(500),
    recorded_at    timestamptz not null
);
create index deal_status_change_deal on deal_status_change (deal_id, id);

-- Funds arrived (到位资金): one row per arrival; their sum never exceeds the contract amount.
create table fund_arrival (
    id           uuid primary key,
    deal_id      uuid           not null references deal (id),
    arrived_on   date           not null,
    amount       numeric(14, 2) not null check (amount > 0),
    source       varchar(20)    not null,
    recorded_at  timestamptz    not null
);
create index fund_arrival_deal on fund_arrival (deal_id, arrived_on);

-- Contract amendments: the only way the contract amount changes, each one audited.
create table contract_amendment (
    id              bigint generated always as identity primary key,
    deal_id         uuid           not null references deal (id),
    previous_amount numeric(14, 2) not null,
    new_amount      numeric(14, 2) not null check (new_amount > 0),
    effective_date  date           not null,
    reason          varchar(500)   not null,
    recorded_at     timestamptz    not null
);
create index contract_amendment_deal on contract_amendment (deal_id, id);

-- Fixed-asset investment completed per org unit and month (万元), as last reported.
create table fixed_asset_investment (
    org_unit     varchar(12)    not null,
    report_month date           not null,
    amount       numeric(14, 2) not null check (amount >= 0),
    recorded_at  timestamptz    not null,
    updated_at   timestamptz    not null,
    primary key (org_unit, report_month)
);
comment on column fixed_asset_investment.report_month is 'First day of the month';
