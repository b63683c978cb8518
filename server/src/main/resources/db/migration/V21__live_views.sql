-- The lesson pictures of a run as it is now (issue #17): what its plugin drew from its current parameters when the
-- run was paused, single-stepped or, now and then, while it trained; one row per training run, replaced each time
-- and removed when the run ends (its model's views take over). In the database, so a page served by the web node
-- shows what a worker on another machine drew, and a page opened while the run is paused shows it at once.
-- updates: the optimizer steps the model had taken.
CREATE TABLE live_views (
    experiment_id BIGINT           NOT NULL PRIMARY KEY REFERENCES experiments (id) ON DELETE CASCADE,
    updates       BIGINT           NOT NULL,
    views_json    VARCHAR(1000000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
