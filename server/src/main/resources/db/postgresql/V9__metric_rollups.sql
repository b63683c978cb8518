-- Coarse copies of long curves, so that comparing 20 runs of 100 000 points reads thousands of rows, not millions.
-- Each row stands for a group of consecutive points (in step order) of one metric and keeps four of them: the first,
-- the lowest and the highest (as early and late: in step order) and the last; the shape-keeping M4 aggregation the
-- charts downsample with anyway.
CREATE TABLE metric_rollups (
    experiment_id BIGINT           NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    name          VARCHAR(100)     NOT NULL,
    first_step    BIGINT           NOT NULL,
    first_value   DOUBLE PRECISION NOT NULL,
    early_step    BIGINT           NOT NULL,
    early_value   DOUBLE PRECISION NOT NULL,
    late_step     BIGINT           NOT NULL,
    late_value    DOUBLE PRECISION NOT NULL,
    last_step     BIGINT           NOT NULL,
    last_value    DOUBLE PRECISION NOT NULL
);
-- Not a key: a plugin may report a step twice.
CREATE INDEX metric_rollups_by_run ON metric_rollups (experiment_id, name, last_step);

-- How far each metric's points are rolled up: groups cover the points with step <= rolled_step.
ALTER TABLE metric_summaries ADD COLUMN rolled_points BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE metric_summaries ADD COLUMN rolled_step BIGINT DEFAULT -9223372036854775808 NOT NULL;
