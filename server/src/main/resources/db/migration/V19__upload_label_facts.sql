-- What an uploaded data set holds, computed from the file when it is uploaded, so a plugin's data requirements are
-- checked before a run is queued (and after a restart) without reading the file again: the number of feature
-- columns, what the label is (BINARY, CLASSES, CONTINUOUS or NONE for a text), the class values (comma-separated,
-- at most 20) and the label's range. Null for uploads made before; the server fills them in at start-up.
ALTER TABLE uploaded_datasets ADD COLUMN feature_count INTEGER;
ALTER TABLE uploaded_datasets ADD COLUMN label_kind VARCHAR(20);
ALTER TABLE uploaded_datasets ADD COLUMN label_classes VARCHAR(300);
ALTER TABLE uploaded_datasets ADD COLUMN label_min DOUBLE PRECISION;
ALTER TABLE uploaded_datasets ADD COLUMN label_max DOUBLE PRECISION;
