-- Data sets people uploaded. The file is <data>/uploads/<id>.csv exactly as uploaded; every load checks it
-- against sha256, so a file damaged on disk is refused rather than trained on. Portable SQL (H2, PostgreSQL).
CREATE TABLE uploaded_datasets (
    id              VARCHAR(100)  PRIMARY KEY,
    title           VARCHAR(200)  NOT NULL,
    original_name   VARCHAR(255)  NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    row_count       BIGINT        NOT NULL,
    field_delimiter VARCHAR(1)    NOT NULL,
    has_header      BOOLEAN       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX uploaded_datasets_by_created ON uploaded_datasets (created_at, id);

-- One row per column of an uploaded file, in file order; the role is FEATURE, LABEL or IGNORED.
CREATE TABLE uploaded_dataset_columns (
    dataset_id   VARCHAR(100) NOT NULL REFERENCES uploaded_datasets (id) ON DELETE CASCADE,
    column_index INTEGER      NOT NULL,
    column_name  VARCHAR(200) NOT NULL,
    column_role  VARCHAR(20)  NOT NULL,
    PRIMARY KEY (dataset_id, column_index)
);
