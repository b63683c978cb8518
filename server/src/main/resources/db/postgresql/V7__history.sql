-- History: people tag and annotate runs; tags are stored as ",a,b," so that one tag matches with LIKE '%,a,%'.
ALTER TABLE experiments ADD COLUMN tags VARCHAR(1000) DEFAULT '' NOT NULL;
ALTER TABLE experiments ADD COLUMN notes VARCHAR(20000) DEFAULT '' NOT NULL;
CREATE INDEX experiments_by_dataset ON experiments (dataset_id);

-- The last and the extreme values of every metric of every run, kept up to date as points arrive, so the runs table
-- shows and sorts by last and best values without reading millions of points.
CREATE TABLE metric_summaries (
    experiment_id BIGINT           NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    name          VARCHAR(100)     NOT NULL,
    points        BIGINT           NOT NULL,
    last_step     BIGINT           NOT NULL,
    last_value    DOUBLE PRECISION NOT NULL,
    min_step      BIGINT,
    min_value     DOUBLE PRECISION,
    max_step      BIGINT,
    max_value     DOUBLE PRECISION,
    PRIMARY KEY (experiment_id, name)
);
CREATE INDEX metric_summaries_by_name ON metric_summaries (name);

INSERT INTO metric_summaries (experiment_id, name, points, last_step, last_value, min_step, min_value, max_step, max_value)
SELECT g.experiment_id, g.name, g.points, g.last_step,
       (SELECT m.metric_value FROM metrics m WHERE m.experiment_id = g.experiment_id AND m.name = g.name
          AND m.step = g.last_step FETCH FIRST 1 ROWS ONLY),
       (SELECT m.step FROM metrics m WHERE m.experiment_id = g.experiment_id AND m.name = g.name
          AND m.metric_value = g.min_value ORDER BY m.step FETCH FIRST 1 ROWS ONLY),
       g.min_value,
       (SELECT m.step FROM metrics m WHERE m.experiment_id = g.experiment_id AND m.name = g.name
          AND m.metric_value = g.max_value ORDER BY m.step FETCH FIRST 1 ROWS ONLY),
       g.max_value
FROM (SELECT experiment_id, name, COUNT(*) AS points, MAX(step) AS last_step, MIN(metric_value) AS min_value,
             MAX(metric_value) AS max_value
      FROM metrics GROUP BY experiment_id, name) g;
