-- My Ponies demo items and one-time flags (e.g. "seeded").
CREATE TABLE ponies (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    status     TEXT    NOT NULL CHECK (status IN ('GRAZING', 'GALLOPING', 'SHOW_READY')),
    notes      TEXT    NOT NULL DEFAULT '' CHECK (length(notes) <= 500),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

CREATE TABLE app_flags (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
