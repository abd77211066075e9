-- Sitrep event store, schema version 1.
-- One row per document and per event; the event's full record is kept as JSON (the contract
-- format) beside the columns queries filter on, so nothing the extractor adds is ever lost.

CREATE TABLE IF NOT EXISTS store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    id           TEXT PRIMARY KEY,
    path         TEXT NOT NULL,
    source       TEXT,
    url          TEXT,
    title        TEXT,
    published    TEXT,
    content_hash TEXT NOT NULL,
    -- How many events the document gave: lets anyone check a document is stored whole.
    event_count  INTEGER NOT NULL,
    ingested_at  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    key            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL,
    doc            TEXT NOT NULL REFERENCES documents(id),
    type           TEXT NOT NULL,
    subtype        TEXT,
    date           TEXT,
    date_precision TEXT,
    actor          TEXT,
    target_actor   TEXT,
    claimed_by     TEXT,
    killed         INTEGER,
    injured        INTEGER,
    amount_usd     REAL,
    background     INTEGER NOT NULL,
    confidence     REAL NOT NULL,
    -- The first place, denormalized for tables and exports.
    place          TEXT,
    admin1         TEXT,
    lat            REAL,
    lon            REAL,
    record         TEXT NOT NULL,
    UNIQUE (doc, id)
);
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_actor ON events(actor);

CREATE TABLE IF NOT EXISTS event_places (
    event       INTEGER NOT NULL REFERENCES events(key),
    ord         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    country     TEXT,
    admin1      TEXT,
    admin2      TEXT,
    lat         REAL,
    lon         REAL,
    geonames_id INTEGER,
    -- Matching keys: the oblast name folded ("Kharkiv Oblast" -> "kharkiv"), and the event's
    -- incident family and date copied here so that finding an incident for a new report is
    -- three index range scans (same place, same oblast, nearby) instead of a scan of the day.
    admin1_key  TEXT,
    name_key    TEXT NOT NULL,
    family      TEXT NOT NULL,
    date        TEXT,
    PRIMARY KEY (event, ord)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_places_name ON event_places(name_key, date);
CREATE INDEX IF NOT EXISTS event_places_admin1 ON event_places(admin1_key, date);
CREATE INDEX IF NOT EXISTS event_places_near ON event_places(lat, lon);
CREATE INDEX IF NOT EXISTS event_places_cluster_name ON event_places(family, date, name_key);
CREATE INDEX IF NOT EXISTS event_places_cluster_admin1 ON event_places(family, date, admin1_key, kind);
CREATE INDEX IF NOT EXISTS event_places_cluster_near ON event_places(family, date, lat);

CREATE TABLE IF NOT EXISTS event_weapons (
    event       INTEGER NOT NULL REFERENCES events(key),
    ord         INTEGER NOT NULL,
    class       TEXT NOT NULL,
    model       TEXT,
    launched    INTEGER,
    intercepted INTEGER,
    PRIMARY KEY (event, ord)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_weapons_model ON event_weapons(model COLLATE NOCASE);

-- One row per event (rowid = events.key): the event's evidence sentences, joined. Keyed by
-- rowid so that replacing a document deletes its rows by key instead of scanning the index.
-- Contentless: the sentences are already in events.record; the index alone is kept here.
CREATE VIRTUAL TABLE IF NOT EXISTS evidence USING fts5(
    text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE IF NOT EXISTS incidents (
    id                   INTEGER PRIMARY KEY,
    family               TEXT NOT NULL,
    type                 TEXT NOT NULL,
    subtype              TEXT,
    date_min             TEXT,
    date_max             TEXT,
    date_precision       TEXT,
    actor                TEXT,
    target_actor         TEXT,
    place                TEXT,
    place_kind           TEXT,
    country              TEXT,
    admin1               TEXT,
    admin2               TEXT,
    lat                  REAL,
    lon                  REAL,
    report_count         INTEGER NOT NULL,
    sources              TEXT,
    claimed_by           TEXT,
    killed_best          INTEGER,
    killed_min           INTEGER,
    killed_max           INTEGER,
    injured_best         INTEGER,
    injured_min          INTEGER,
    injured_max          INTEGER,
    missiles_launched    INTEGER,
    missiles_intercepted INTEGER,
    drones_launched      INTEGER,
    drones_intercepted   INTEGER,
    updated_at           TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_family_date ON incidents(family, date_min);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(date_min);

-- Every event belongs to exactly one incident (a lone report is an incident of one).
CREATE TABLE IF NOT EXISTS incident_members (
    event    INTEGER PRIMARY KEY REFERENCES events(key),
    incident INTEGER NOT NULL REFERENCES incidents(id)
);
CREATE INDEX IF NOT EXISTS incident_members_incident ON incident_members(incident);

INSERT OR IGNORE INTO store_meta(key, value) VALUES ('schema_version', '1');
