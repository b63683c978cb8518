-- Browser sessions: the cookie holds a random id, the table only its SHA-256, so a copy of the database signs no
-- one in. Expired rows are pruned when new sessions are made.
CREATE TABLE sessions (
    id_hash     VARCHAR(64)  PRIMARY KEY,
    subject     VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- H2 pre-allocates 32 identity values and loses the unused ones in a crash, so ids jumped by 32 after each one.
-- CACHE 1 (valid in H2 and PostgreSQL) keeps them dense; inserts of runs are far too rare for it to cost.
ALTER TABLE experiments ALTER COLUMN id SET CACHE 1;
ALTER TABLE sweeps ALTER COLUMN id SET CACHE 1;
