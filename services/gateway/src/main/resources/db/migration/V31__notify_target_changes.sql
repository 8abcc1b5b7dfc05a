-- Every replica remembers answers until the ledger or the targets change (LedgerWatch). Target changes
-- are announced here, on commit, whichever replica or tool made them.
create or replace function citykpi_notify_targets_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('citykpi_ledger', '{"targets":true}');
    return null;
end $$;

create trigger kpi_target_changed after insert or update or delete on kpi_target
    for each statement execute function citykpi_notify_targets_changed();
