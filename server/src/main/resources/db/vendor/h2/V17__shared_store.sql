-- Everything a worker on another machine needs comes through the database (issue #14): a saved model's files and an
-- uploaded data set's file are kept here beside their checksums, and each node keeps a local copy as a cache.
-- scheduled_tasks is db-scheduler's queue (its documented table), which the web node and every worker share.
-- Vendor copies: BLOB is this database's type for bytes.
ALTER TABLE artifacts ADD COLUMN content BLOB;
ALTER TABLE uploaded_datasets ADD COLUMN content BLOB;
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(250) NOT NULL,
    task_instance        VARCHAR(250) NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(250),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_due ON scheduled_tasks (priority DESC, execution_time ASC);
CREATE INDEX scheduled_tasks_heartbeat ON scheduled_tasks (last_heartbeat);
