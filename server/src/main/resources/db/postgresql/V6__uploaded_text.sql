-- Uploads may be plain text (DatasetKind TEXT, stored as <id>.txt) as well as CSV tables; row_count then holds
-- the number of characters.
ALTER TABLE uploaded_datasets ADD COLUMN data_kind VARCHAR(20) DEFAULT 'TABLE' NOT NULL;
