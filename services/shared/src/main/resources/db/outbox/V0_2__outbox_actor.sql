-- Who made the change an event describes: the token's user name and subject, published as the
-- CloudEvents extension attributes actor and actorid (Kafka headers ce_actor, ce_actorid).
-- Rows written before the services checked tokens have neither. Services whose own migrations ran
-- before this one apply it out of order (quarkus.flyway.out-of-order=true): it touches only this table.
alter table outbox_event add column actor_name varchar(255);
alter table outbox_event add column actor_id varchar(255);
