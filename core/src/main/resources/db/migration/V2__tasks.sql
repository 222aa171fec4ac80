-- Background task demo: one database-backed worker claims PENDING tasks one at a time.
CREATE TABLE tasks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    state       TEXT    NOT NULL CHECK (state IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    message     TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    started_at  TEXT,
    finished_at TEXT
);

CREATE INDEX tasks_state ON tasks (state, id);
