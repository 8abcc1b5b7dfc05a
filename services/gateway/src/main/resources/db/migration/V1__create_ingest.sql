-- What the gateway has consumed. Both tables change in the same transaction as the projections,
-- so a crash at any point neither loses nor double-counts an event.

-- Every applied CloudEvent id: an event delivered twice (the outbox is at-least-once) is skipped.
create table processed_event (
    event_id      uuid primary key,
    event_type    varchar(200) not null,
    topic         varchar(200) not null,
    partition_no  integer      not null,
    record_offset bigint       not null,
    applied_at    timestamptz  not null
);

-- The next offset to read per partition; the source of truth on start and after a rebalance.
create table consumer_position (
    topic        varchar(200) not null,
    partition_no integer      not null,
    next_offset  bigint       not null,
    updated_at   timestamptz  not null,
    primary key (topic, partition_no)
);
