-- Rewind and branch (issue #17): a run started again from another's initial weights with one change names that run.
ALTER TABLE experiments ADD COLUMN parent_id BIGINT;
