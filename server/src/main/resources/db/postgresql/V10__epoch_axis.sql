-- How a run's optimizer steps map to epochs (plugin API 1.2), so charts can draw its curves by epoch as well as by
-- step; null when the plugin did not say, and such a run is drawn by step only.
ALTER TABLE experiments ADD COLUMN steps_per_epoch BIGINT;
-- Metrics measured once per epoch keep the epoch in the points' step column; this tells them from per-step metrics.
ALTER TABLE metric_summaries ADD COLUMN per_epoch BOOLEAN DEFAULT FALSE NOT NULL;
