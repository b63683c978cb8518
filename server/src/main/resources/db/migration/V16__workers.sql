-- A class on several machines (issue #14). Each run records the worker that trained it; a cancel asked on the web
-- node is a flag the worker reads, since it may train on another machine. workers holds every training JVM's
-- heartbeat and what it can take (plugins with versions, devices), for the workers page and for telling a run that
-- no worker can take it.
ALTER TABLE experiments ADD COLUMN worker VARCHAR(200);
ALTER TABLE experiments ADD COLUMN cancel_requested BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX experiments_by_worker ON experiments (status, worker);
CREATE TABLE workers (
    name         VARCHAR(200)  NOT NULL PRIMARY KEY,
    host         VARCHAR(255)  NOT NULL,
    devices      VARCHAR(1000) NOT NULL,
    plugins      VARCHAR(8000) NOT NULL,
    concurrency  INT           NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at   TIMESTAMP WITH TIME ZONE
);
