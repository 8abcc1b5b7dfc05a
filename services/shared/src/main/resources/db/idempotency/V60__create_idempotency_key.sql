-- Idempotency keys of POST requests (location db/idempotency, from citykpi-shared): the answer to the
-- first request with a key, stored in the same transaction as what that request wrote, so that a
-- client that retries with the same key gets that answer again instead of a second record.
create table idempotency_key (
    idempotency_key varchar(200)  primary key,
    operation       varchar(500)  not null,
    fingerprint     char(64)      not null,
    status          smallint,
    location        varchar(2000),
    body            text,
    created_at      timestamptz   not null
);

create index idempotency_key_created_at on idempotency_key (created_at);

comment on table idempotency_key is 'Idempotency-Key of each POST: operation, request fingerprint (SHA-256) and the first answer; kept 24 h';
