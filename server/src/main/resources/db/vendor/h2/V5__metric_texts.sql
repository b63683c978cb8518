-- Lines of text a run reports per step (MetricsSink.text), such as a char-RNN's predicted string each epoch.
-- seq keeps report order among texts of the same step.
CREATE TABLE metric_texts (
    seq           BIGINT AUTO_INCREMENT PRIMARY KEY,
    experiment_id BIGINT        NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    name          VARCHAR(100)  NOT NULL,
    step          BIGINT        NOT NULL,
    text_value    VARCHAR(4000) NOT NULL
);
CREATE INDEX metric_texts_by_run ON metric_texts (experiment_id, seq);
