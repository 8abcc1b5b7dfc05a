-- Who changed a target is now the bearer token's user: keep its subject (stable across renames) beside
-- the user name, and make room for Keycloak's longest user names.
alter table kpi_target alter column updated_by type varchar(255);
alter table kpi_target add column updated_by_id varchar(255);
alter table kpi_target_audit alter column changed_by type varchar(255);
alter table kpi_target_audit add column changed_by_id varchar(255);
comment on column kpi_target_audit.changed_by is 'User name from the bearer token (preferred_username, or a service account''s client id)';
comment on column kpi_target_audit.changed_by_id is 'The token''s subject; null for changes made before tokens were checked';
