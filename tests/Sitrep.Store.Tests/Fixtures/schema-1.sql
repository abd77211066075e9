-- A database as Sitrep's schema 1 made it (the DDL of src/Sitrep.Store/Sql/Schema.sql at 132cda3),
-- holding three reports and one incident the old rule over-merged them into. Built by SchemaVersionTests.
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

-- Rows.
INSERT INTO incidents (id, family, type, report_count, updated_at) VALUES (1, 'air', 'strike', 3, '2025-01-03T10:00:00Z');
INSERT INTO documents VALUES ('b', '/reports/b.txt', 'Outlet', NULL, NULL, '2024-05-10', 'c608bc03e77f86f796742b597f91b958b5000de3b88fb9a940f4f0ba3c24eabb', 1, '2025-01-01T10:00:00Z');
INSERT INTO documents VALUES ('c', '/reports/c.txt', 'Outlet', NULL, NULL, '2024-06-03', '14a7577247f5ffb5dbb9eafe583e4fc6a8ea2ba9d6bb4fd86245847a2e8a919a', 1, '2025-01-02T10:00:00Z');
INSERT INTO documents VALUES ('e', '/reports/e.txt', 'Outlet', NULL, NULL, '2024-05-08', 'd6c3de7f4950e1405ed86f02e17198454d6030820d33dea59ac13f6ba53c9b91', 1, '2025-01-03T10:00:00Z');
INSERT INTO events VALUES (1, '3dfed012b655f8e8', 'b', 'strike', 'drone', '2024-05-05', 'day', 'RU', 'UA', 'UA', NULL, 7, NULL, 0, 0.7, 'Odesa', 'Odesa', 46.4857, 30.7438, '{"id":"3dfed012b655f8e8","doc":"b","type":"strike","subtype":"drone","date":"2024-05-05","date_precision":"day","places":[{"name":"Odesa","kind":"settlement","country":"UA","admin1":"Odesa","lat":46.4857,"lon":30.7438,"geonames_id":698740,"mention":"Odesa","admin2":"Odeskyi Raion"}],"actor":"RU","target_actor":"UA","weapons":[{"class":"drone","model":null,"launched":null,"intercepted":null}],"killed":null,"injured":7,"amount_usd":null,"claimed_by":"UA","background":false,"confidence":0.7,"evidence":[{"start":0,"end":116,"text":"Russian drones hit a residential building in Odesa on 5 May 2024, injuring seven people, the regional governor said."}]}');
INSERT INTO incident_members VALUES (1, 1);
INSERT INTO events VALUES (2, 'c87b136d0846e145', 'c', 'strike', 'artillery', '2024-06-02', 'day', 'UA', 'RU', 'UA', NULL, NULL, NULL, 0, 0.85, 'Bakhmut', 'Donetsk', 48.5942, 37.9989, '{"id":"c87b136d0846e145","doc":"c","type":"strike","subtype":"artillery","date":"2024-06-02","date_precision":"day","places":[{"name":"Bakhmut","kind":"settlement","country":"UA","admin1":"Donetsk","lat":48.5942,"lon":37.9989,"geonames_id":713174,"mention":"Bakhmut","admin2":"Bakhmut Raion"}],"actor":"UA","target_actor":"RU","weapons":[],"killed":null,"injured":null,"amount_usd":null,"claimed_by":"UA","background":false,"confidence":0.85,"evidence":[{"start":0,"end":97,"text":"On June 2, 2024, Ukrainian forces shelled Russian positions near Bakhmut, the general staff said."}]}');
INSERT INTO incident_members VALUES (2, 1);
INSERT INTO events VALUES (3, '889de5622635c995', 'e', 'strike', 'drone', '2024-05-07', 'day', 'UA', 'RU', 'RU', NULL, 3, NULL, 0, 0.7, 'Belgorod', 'Belgorod', 50.6107, 36.5802, '{"id":"889de5622635c995","doc":"e","type":"strike","subtype":"drone","date":"2024-05-07","date_precision":"day","places":[{"name":"Belgorod","kind":"settlement","country":"RU","admin1":"Belgorod","lat":50.6107,"lon":36.5802,"geonames_id":578072,"mention":"Belgorod","admin2":null}],"actor":"UA","target_actor":"RU","weapons":[{"class":"drone","model":null,"launched":null,"intercepted":null}],"killed":null,"injured":3,"amount_usd":null,"claimed_by":"RU","background":false,"confidence":0.7,"evidence":[{"start":0,"end":120,"text":"A Ukrainian drone struck a residential building in Belgorod on May 7, 2024, injuring three residents, the governor said."}]}');
INSERT INTO incident_members VALUES (3, 1);
