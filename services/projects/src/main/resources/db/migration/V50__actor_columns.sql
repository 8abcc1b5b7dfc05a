-- Who made every write, from the bearer token: the user name (preferred_username, or a service
-- account's client id) and the token subject, beside recorded_at (who recorded the row) and updated_at
-- (who changed it last). 'system:citykpi-<service>' for what a service does on its own (a scheduled job). Rows recorded before
-- the services checked tokens keep null.
alter table project add column recorded_by varchar(255), add column recorded_by_id varchar(255);
alter table project_plan add column recorded_by varchar(255), add column recorded_by_id varchar(255);
alter table project_investment_report add column recorded_by varchar(255), add column recorded_by_id varchar(255);
alter table project_stage_change add column recorded_by varchar(255), add column recorded_by_id varchar(255);
alter table project add column updated_by varchar(255), add column updated_by_id varchar(255);
alter table project_plan add column updated_by varchar(255), add column updated_by_id varchar(255);
alter table project_investment_report add column updated_by varchar(255), add column updated_by_id varchar(255);
