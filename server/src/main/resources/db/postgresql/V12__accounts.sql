-- Accounts (when turned on): a teacher and students. Passwords are stored as Argon2id hashes (password4j's encoded
-- form, with its salt and parameters); a one-time password must be changed at the first sign-in.
CREATE TABLE users (
    name                 VARCHAR(100) PRIMARY KEY,
    role                 VARCHAR(20)  NOT NULL,
    password_hash        VARCHAR(300) NOT NULL,
    must_change_password BOOLEAN      DEFAULT FALSE NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who created a run or sweep; null for runs made without accounts (the single-user default, or the token).
ALTER TABLE experiments ADD COLUMN owner VARCHAR(100);
ALTER TABLE sweeps ADD COLUMN owner VARCHAR(100);
CREATE INDEX experiments_by_owner ON experiments (owner, status);
