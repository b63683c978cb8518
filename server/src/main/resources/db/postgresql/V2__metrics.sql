-- One row per reported point. No primary key: a plugin may report a step twice (the last value wins on read).
CREATE TABLE metrics (
    experiment_id BIGINT           NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    name          VARCHAR(100)     NOT NULL,
    step          BIGINT           NOT NULL,
    metric_value  DOUBLE PRECISION NOT NULL
);
CREATE INDEX metrics_by_run ON metrics (experiment_id, name, step);
