-- Transactional outbox shared by every producing service (location db/outbox, from citykpi-shared).
-- A service's own migrations start at V1, so this always runs first.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    record_key   varchar(200) not null,
    event_type   varchar(200) not null,
    event_source varchar(200) not null,
    subject      varchar(200) not null,
    org_unit     varchar(12),
    recorded_at  timestamptz  not null,
    -- text, not jsonb: the payload is published byte for byte as it was written
    payload      text         not null,
    published_at timestamptz
);

create index outbox_event_pending on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

comment on table outbox_event is 'Events committed with their state change, waiting for (or done with) publication to Kafka';
