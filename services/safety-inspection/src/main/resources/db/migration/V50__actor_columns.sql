-- Who made every write, from the bearer token: the user name (preferred_username, or a service
-- account's client id) and the token subject, beside recorded_at (who recorded the row) and updated_at
-- (who changed it last). 'system:citykpi-<service>' for what a service does on its own (a scheduled job). Rows recorded before
-- the services checked tokens keep null.
alter table hazard add column recorded_by varchar(255), add column recorded_by_id varchar(255);
alter table inspection add column recorded_by varchar(255), add column recorded_by_id varchar(255);
alter table hazard_history add column recorded_by varchar(255), add column recorded_by_id varchar(255);
alter table deadline_extension add column recorded_by varchar(255), add column recorded_by_id varchar(255);
alter table hazard add column updated_by varchar(255), add column updated_by_id varchar(255);
