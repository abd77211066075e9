-- Sitrep event store, schema version 2.
-- Readable by SQLite 3.40 (Debian 12's sqlite3, GDAL, Python): no feature newer than that is used.
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
    -- SHA-256 of record (first 16 hex digits), checked on every read: a flipped byte in a stored
    -- record becomes an error naming the record instead of a wrong figure.
    record_sum     TEXT NOT NULL,
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
    -- incident family and date copied here, so that a place or oblast filter narrows by date
    -- inside its index. (Clustering reads event_cluster.)
    admin1_key  TEXT,
    name_key    TEXT NOT NULL,
    family      TEXT NOT NULL,
    date        TEXT,
    PRIMARY KEY (event, ord)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_places_name ON event_places(name_key, date);
CREATE INDEX IF NOT EXISTS event_places_admin1 ON event_places(admin1_key, date);
-- --place matches a name or a GeoNames id: without this, the id half reads every place row.
CREATE INDEX IF NOT EXISTS event_places_geonames ON event_places(geonames_id, date);
-- Indexes no SQLite statement reads any more, each one more B-tree every place insert writes:
-- --near reads the R*Tree below, and clustering reads event_cluster. (PostgreSQL keeps its own.)
DROP INDEX IF EXISTS event_places_near;
DROP INDEX IF EXISTS event_places_cluster_name;
DROP INDEX IF EXISTS event_places_cluster_admin1;
DROP INDEX IF EXISTS event_places_cluster_near;

-- An R*Tree over the located places, for --near: a box of latitude, longitude and day finds the
-- candidates in a few pages where the (lat, lon) index above reads a whole band of latitude of
-- every day. Its id is the place's (event, ord) as event * 65536 + ord. Its boxes are 32-bit
-- floats rounded outwards, so they only narrow; readers check the exact point and distance on
-- event_places. A place without a whole yyyy-MM-dd date spans every day, so it is never missed.
-- Kept by triggers, so every writer (and an analyst's own INSERT) keeps it whole; SQLite 3.40's
-- rtree module is built into Debian's sqlite3, GDAL and Python.
CREATE VIRTUAL TABLE IF NOT EXISTS event_places_tree USING rtree(id, lat_min, lat_max, lon_min, lon_max, day_min, day_max);
CREATE TRIGGER IF NOT EXISTS event_places_tree_insert AFTER INSERT ON event_places WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an event has more than 65,536 places') WHERE new.ord >= 65536 OR new.ord < 0;
    INSERT INTO event_places_tree (id, lat_min, lat_max, lon_min, lon_max, day_min, day_max)
    SELECT new.event * 65536 + new.ord, new.lat, new.lat, new.lon, new.lon,
           coalesce(d.day, -10000000), coalesce(d.day, 10000000)
    FROM (SELECT CASE WHEN date(new.date) IS new.date THEN CAST(julianday(new.date) - 2440587.5 AS INTEGER) END AS day) AS d;
END;
CREATE TRIGGER IF NOT EXISTS event_places_tree_delete AFTER DELETE ON event_places WHEN old.lat IS NOT NULL AND old.lon IS NOT NULL
BEGIN
    DELETE FROM event_places_tree WHERE id = old.event * 65536 + old.ord;
END;
CREATE TRIGGER IF NOT EXISTS event_places_tree_update AFTER UPDATE OF event, ord, lat, lon, date ON event_places
BEGIN
    SELECT RAISE(ABORT, 'an event has more than 65,536 places') WHERE new.ord >= 65536 OR new.ord < 0;
    DELETE FROM event_places_tree WHERE id = old.event * 65536 + old.ord;
    INSERT INTO event_places_tree (id, lat_min, lat_max, lon_min, lon_max, day_min, day_max)
    SELECT new.event * 65536 + new.ord, new.lat, new.lat, new.lon, new.lon,
           coalesce(d.day, -10000000), coalesce(d.day, 10000000)
    FROM (SELECT CASE WHEN date(new.date) IS new.date THEN CAST(julianday(new.date) - 2440587.5 AS INTEGER) END AS day) AS d
    WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;
END;

CREATE TABLE IF NOT EXISTS event_weapons (
    event       INTEGER NOT NULL REFERENCES events(key),
    ord         INTEGER NOT NULL,
    class       TEXT NOT NULL,
    model       TEXT,
    launched    INTEGER,
    intercepted INTEGER,
    -- The event's own type, actors and claimant, copied here by the writer in the event's
    -- transaction: stats tallies launches and interceptions by side and claimant for every weapon
    -- row, and reading them from the events' wide rows (each beside its JSON record) cost most of
    -- its time. Files made before these columns get them filled once (SchemaUpgrade).
    type         TEXT,
    actor        TEXT,
    target_actor TEXT,
    claimed_by   TEXT,
    PRIMARY KEY (event, ord)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_weapons_model ON event_weapons(model COLLATE NOCASE);
-- --weapon matches a model or a class: without this, the class half reads every weapon row.
CREATE INDEX IF NOT EXISTS event_weapons_class ON event_weapons(class);

-- One row per event (rowid = events.key): the event's evidence sentences, joined. Keyed by
-- rowid so that replacing a document deletes its rows by key instead of scanning the index.
-- The text is stored in the index (not contentless): contentless_delete needs SQLite 3.43,
-- which Debian 12's sqlite3 and GDAL builds do not have.
CREATE VIRTUAL TABLE IF NOT EXISTS evidence USING fts5(
    text, tokenize = 'unicode61 remove_diacritics 2');

-- What clustering compares, one row per event that can cluster (dated to the day, placed):
-- its finest place, its days, its actors. Reclustering a few days reads these rows, not records.
CREATE TABLE IF NOT EXISTS event_cluster (
    event       INTEGER PRIMARY KEY REFERENCES events(key),
    doc         TEXT NOT NULL,
    id          TEXT NOT NULL,
    family      TEXT NOT NULL,
    date        TEXT NOT NULL,
    -- 1 when the report tells a night's attack dated by its evening (it may be the next day's news),
    -- 2 when it tells one dated by its morning, 3 when it tells a night but has no publication date
    -- to say which, 0 when it tells no night.
    night_after INTEGER NOT NULL,
    actor       TEXT,
    target      TEXT,
    -- 0 settlement or facility, 1 oblast, 2 country, sea or wider area.
    level       INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    admin1_key  TEXT,
    country     TEXT,
    lat         REAL,
    lon         REAL,
    geonames_id INTEGER,
    killed      INTEGER
);
CREATE INDEX IF NOT EXISTS event_cluster_family_date ON event_cluster(family, date);

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

-- Each claimant's figures for an incident kept apart: Ukraine's count and Russia's count of the
-- same night are two rows, never summed. best is the claimant's most conservative figure.
CREATE TABLE IF NOT EXISTS incident_figures (
    incident INTEGER NOT NULL REFERENCES incidents(id),
    claimant TEXT NOT NULL,
    measure  TEXT NOT NULL,
    best     INTEGER NOT NULL,
    min      INTEGER NOT NULL,
    max      INTEGER NOT NULL,
    reports  INTEGER NOT NULL,
    PRIMARY KEY (incident, claimant, measure)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS incident_figures_measure ON incident_figures(measure, claimant);

-- Incident ids are stable: when a report bridges two incidents, the older id stays and the
-- other is recorded here, so a link to it still finds where it went.
CREATE TABLE IF NOT EXISTS incident_merges (
    id        INTEGER PRIMARY KEY,
    merged_into INTEGER NOT NULL,
    at        TEXT NOT NULL
);

-- Views for analysts who open the file in sqlite3, DuckDB, QGIS or pandas.
CREATE VIEW IF NOT EXISTS incident_summary AS
SELECT i.id, i.type, i.subtype, i.date_min, i.date_max, i.actor, i.target_actor, i.place, i.place_kind,
       i.admin1, i.country, i.lat, i.lon, i.report_count, i.sources, i.claimed_by,
       i.killed_best, i.killed_min, i.killed_max, i.injured_best, i.injured_min, i.injured_max,
       i.missiles_launched, i.missiles_intercepted, i.drones_launched, i.drones_intercepted,
       (SELECT group_concat(u.url, ' ') FROM (SELECT DISTINCT d.url AS url FROM incident_members m JOIN events e ON e.key = m.event
            JOIN documents d ON d.id = e.doc WHERE m.incident = i.id AND d.url IS NOT NULL) AS u) AS urls
FROM incidents i;

CREATE VIEW IF NOT EXISTS incident_claims AS
SELECT f.incident, i.date_min, i.type, i.place, i.admin1, f.claimant, f.measure, f.best, f.min, f.max, f.reports
FROM incident_figures f JOIN incidents i ON i.id = f.incident;

CREATE VIEW IF NOT EXISTS event_places_view AS
SELECT e.key AS event, e.doc, e.id, e.type, e.subtype, e.date, e.actor, e.target_actor, e.claimed_by, e.killed, e.injured,
       p.ord, p.name AS place, p.kind AS place_kind, p.admin1, p.country, p.lat, p.lon, p.geonames_id,
       m.incident, d.source, d.url, d.title
FROM events e
JOIN documents d ON d.id = e.doc
LEFT JOIN event_places p ON p.event = e.key
LEFT JOIN incident_members m ON m.event = e.key;

INSERT OR IGNORE INTO store_meta(key, value) VALUES ('schema_version', '2');

-- Narrow copies of what the incident listing and stats read, which would otherwise look up every
-- incident's reports and group every incident and weapon row on each call. SQLite's writer keeps
-- them at each commit, for the incidents the batch changed and every day those were or are first
-- dated on (StoreSummaries.cs); a file made before them gets them built once when a writer opens
-- it. PostgreSQL reads its tables directly.
-- Per incident: its reports' addresses and titles and each claimant's figures, as the listing
-- shows them, and the first day its stats rows are counted under ('' when undated).
CREATE TABLE IF NOT EXISTS incident_listing (
    incident INTEGER PRIMARY KEY,
    day      TEXT NOT NULL,
    urls     TEXT,
    titles   TEXT,
    claims   TEXT
);
-- Per first day ('' when undated), incidents by type (kind 'type') and by oblast (kind 'oblast'):
-- how many, their reports, and the sums of their best killed and injured (null when none is known).
CREATE TABLE IF NOT EXISTS stats_days (
    kind      TEXT NOT NULL,
    day       TEXT NOT NULL,
    key       TEXT NOT NULL,
    incidents INTEGER NOT NULL,
    reports   INTEGER NOT NULL,
    killed    INTEGER,
    injured   INTEGER,
    PRIMARY KEY (kind, day, key)
) WITHOUT ROWID;
-- Each type's or oblast's day rows in key order with their figures: by type and by oblast over
-- years sum them in this order, where the primary key's day order makes SQLite sort 31,000 day
-- rows of four years by key first. A short span reads the primary key (see StatsSql.SummaryGroups).
CREATE INDEX IF NOT EXISTS stats_days_by_key ON stats_days(kind, key, day, incidents, reports, killed, injured);
-- The weapons tally of stats without filters, one row per day, launching side, claimant and weapon.
CREATE TABLE IF NOT EXISTS stats_day_weapons (
    day         TEXT NOT NULL,
    launched_by TEXT,
    claimant    TEXT NOT NULL,
    weapon      TEXT NOT NULL,
    incidents   INTEGER NOT NULL,
    launched    INTEGER,
    intercepted INTEGER
);
CREATE INDEX IF NOT EXISTS stats_day_weapons_day ON stats_day_weapons(day, launched_by, claimant, weapon);
-- The same tally packed one value a day: a JSON array of [launched_by, claimant, weapon,
-- incidents, launched, intercepted] in the order stats lists them. Stats over years reads some
-- 1,500 values instead of 31,000 rows of seven columns, each column a call into SQLite. Kept by
-- triggers, so every writer of stats_day_weapons (a build of Sitrep before this table included)
-- leaves it equal to the rows it packs. The order is the subquery's (json_group_array takes rows
-- in the order given), as SQLite 3.40's sqlite3 must read the file: no ORDER BY inside the aggregate.
-- A trigger packs the whole day for each row, so a day of n rows written is packed n times; Sitrep's
-- own writer sets the store_meta row 'stats_packs_by_writer' for its refresh, within its
-- transaction, and packs each day it touched once (StoreSummaries.Refresh).
CREATE TABLE IF NOT EXISTS stats_day_weapon_packs (
    day  TEXT PRIMARY KEY,
    rows TEXT NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS stats_day_weapons_packed_insert AFTER INSERT ON stats_day_weapons
    WHEN NOT EXISTS (SELECT 1 FROM store_meta WHERE key = 'stats_packs_by_writer') BEGIN
    REPLACE INTO stats_day_weapon_packs (day, rows)
    SELECT NEW.day, json_group_array(json_array(launched_by, claimant, weapon, incidents, launched, intercepted))
    FROM (SELECT * FROM stats_day_weapons WHERE day = NEW.day ORDER BY launched_by, claimant, weapon, rowid);
END;
CREATE TRIGGER IF NOT EXISTS stats_day_weapons_packed_delete AFTER DELETE ON stats_day_weapons
    WHEN NOT EXISTS (SELECT 1 FROM store_meta WHERE key = 'stats_packs_by_writer') BEGIN
    DELETE FROM stats_day_weapon_packs WHERE day = OLD.day;
    INSERT INTO stats_day_weapon_packs (day, rows)
    SELECT OLD.day, json_group_array(json_array(launched_by, claimant, weapon, incidents, launched, intercepted))
    FROM (SELECT * FROM stats_day_weapons WHERE day = OLD.day ORDER BY launched_by, claimant, weapon, rowid) HAVING count(*) > 0;
END;
CREATE TRIGGER IF NOT EXISTS stats_day_weapons_packed_update AFTER UPDATE ON stats_day_weapons
    WHEN NOT EXISTS (SELECT 1 FROM store_meta WHERE key = 'stats_packs_by_writer') BEGIN
    DELETE FROM stats_day_weapon_packs WHERE day IN (OLD.day, NEW.day);
    INSERT INTO stats_day_weapon_packs (day, rows)
    SELECT OLD.day, json_group_array(json_array(launched_by, claimant, weapon, incidents, launched, intercepted))
    FROM (SELECT * FROM stats_day_weapons WHERE day = OLD.day ORDER BY launched_by, claimant, weapon, rowid) HAVING count(*) > 0;
    REPLACE INTO stats_day_weapon_packs (day, rows)
    SELECT NEW.day, json_group_array(json_array(launched_by, claimant, weapon, incidents, launched, intercepted))
    FROM (SELECT * FROM stats_day_weapons WHERE day = NEW.day ORDER BY launched_by, claimant, weapon, rowid) HAVING count(*) > 0;
END;
