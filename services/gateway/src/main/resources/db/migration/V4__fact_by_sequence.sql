-- The in-memory fact cache catches up by reading the facts applied after the last sequence number it holds.
create index fact_by_sequence on fact (generation, sequence_no);
