-- Files under data/artifacts/<experiment>/, with their checksum so a damaged file is detected on load.
CREATE TABLE artifacts (
    experiment_id BIGINT        NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    path          VARCHAR(1000) NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    PRIMARY KEY (experiment_id, path)
);
