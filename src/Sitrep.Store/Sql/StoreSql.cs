using Dapper;

namespace Sitrep.Store.Sql;

/// <summary>
/// Every statement the store runs, in one place. The schema itself is Schema.sql beside this
/// file; query filters are assembled by <see cref="Query.EventFilterSql"/> from fragments there.
/// </summary>
internal static partial class StoreSql
{
    // wal_autocheckpoint: a writer copies the log into the file (and syncs it) every 8,192 pages
    // (32 MB) instead of SQLite's 1,000: a 1,000-document batch writes several MB, and a checkpoint
    // after each is a sync per batch.
    public const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 10000;
        PRAGMA temp_store = MEMORY;
        PRAGMA cache_size = -65536;
        PRAGMA wal_autocheckpoint = 8192;
        """;

    // The planner's statistics (sqlite_stat1), refreshed as SQLite advises for a connection that
    // wrote: on close, for the tables that have none or have grown or shrunk about 25-fold since
    // they were measured (0x10000: every table, not only those this connection's queries read, so
    // the tables ingest only inserts into are measured too). analysis_limit samples a few hundred
    // rows per index, so a 1 M-event store is measured in seconds and a measured one costs nothing.
    public const string Optimize = """
        PRAGMA analysis_limit = 400;
        PRAGMA optimize = 0x10002;
        """;

    public const string DocumentHash = "SELECT content_hash FROM documents WHERE id = $id";

    public const string InsertDocument = """
        INSERT INTO documents (id, path, source, url, title, published, content_hash, event_count, ingested_at)
        VALUES ($id, $path, $source, $url, $title, $published, $hash, $count, $at)
        """;

    public const string InsertEvent = InsertEventRow + "RETURNING key";

    /// <summary>
    /// <see cref="InsertEvent"/> without its RETURNING clause, for SQLite, whose writer takes the key
    /// as the connection's last inserted rowid: SQLite runs a RETURNING clause as a trigger of its
    /// own, with a table of the rows to return, which cost about a quarter of each event's insert.
    /// </summary>
    public const string InsertEventRow = """
        INSERT INTO events (id, doc, type, subtype, date, date_precision, actor, target_actor, claimed_by,
                            killed, injured, amount_usd, background, confidence, place, admin1, lat, lon, record, record_sum)
        VALUES ($id, $doc, $type, $subtype, $date, $precision, $actor, $target, $claimed,
                $killed, $injured, $amount, $background, $confidence, $place, $admin1, $lat, $lon, $record, $sum)

        """;

    public const string InsertPlace = """
        INSERT INTO event_places (event, ord, name, kind, country, admin1, admin2, lat, lon, geonames_id, admin1_key, name_key, family, date)
        VALUES ($event, $ord, $name, $kind, $country, $admin1, $admin2, $lat, $lon, $gid, $admin1_key, $name_key, $family, $date)
        """;

    /// <summary>An INSERT of one row of VALUES as one of <paramref name="rows"/> rows, each row's parameters named by <see cref="RowParameter"/>.</summary>
    public static string Rows(string insert, int rows)
    {
        var at = insert.IndexOf("VALUES", StringComparison.Ordinal) + "VALUES".Length;
        var row = insert[at..].Trim();
        return insert[..at] + " " + string.Join(",\n", Enumerable.Range(0, rows).Select(r => Parameter().Replace(row, m => RowParameter(m.Value, r))));
    }

    /// <summary>The name of a parameter in row <paramref name="row"/> of a statement made by <see cref="Rows"/>.</summary>
    public static string RowParameter(string name, int row) => $"{name}_{row}";

    [System.Text.RegularExpressions.GeneratedRegex(@"\$[a-z_0-9]+")]
    private static partial System.Text.RegularExpressions.Regex Parameter();

    public const string InsertWeapon = """
        INSERT INTO event_weapons (event, ord, class, model, launched, intercepted, type, actor, target_actor, claimed_by)
        VALUES ($event, $ord, $class, $model, $launched, $intercepted, $type, $actor, $target, $claimed)
        """;

    public const string InsertEvidence = "INSERT INTO evidence (rowid, text) VALUES ($event, $text)";

    /// <summary>A stored document's events with the incident each is in and what it was clustered by.</summary>
    public const string EventsOfDocument = """
        SELECT e.key, e.id, m.incident, c.family, c.date, c.night_after
        FROM events e
        LEFT JOIN incident_members m ON m.event = e.key
        LEFT JOIN event_cluster c ON c.event = e.key
        WHERE e.doc = $doc
        """;

    /// <summary>Removes one event and everything hanging off it; run per key of a replaced document.</summary>
    public const string DeleteEvent = """
        DELETE FROM incident_members WHERE event = $event;
        DELETE FROM event_cluster WHERE event = $event;
        DELETE FROM event_places WHERE event = $event;
        DELETE FROM event_weapons WHERE event = $event;
        DELETE FROM evidence WHERE rowid = $event;
        DELETE FROM events WHERE key = $event;
        """;

    public const string DeleteDocument = "DELETE FROM documents WHERE id = $id";

    public const string InsertCluster = """
        INSERT INTO event_cluster (event, doc, id, family, date, night_after, actor, target, level, kind, name_key, admin1_key, country, lat, lon, geonames_id, killed)
        VALUES ($event, $doc, $id, $family, $date, $night_after, $actor, $target, $level, $kind, $name_key, $admin1_key, $country, $lat, $lon, $gid, $killed)
        """;

    /// <summary>Every clusterable report of a family on some days, with the incident it is in now (null for new ones).</summary>
    public const string ClusterWindow = """
        SELECT c.event, c.doc, c.id, c.family, c.date, c.night_after, c.actor, c.target, c.level, c.kind, c.name_key,
               c.admin1_key, c.country, c.lat, c.lon, c.geonames_id, m.incident, c.killed
        FROM event_cluster c LEFT JOIN incident_members m ON m.event = c.event
        WHERE c.family = $family AND c.date BETWEEN $lo AND $hi
        """;

    /// <summary>The first and last day of the incidents that have a report of the family on those days.</summary>
    public const string IncidentSpan = """
        SELECT min(c.date), max(c.date)
        FROM incident_members m JOIN event_cluster c ON c.event = m.event
        WHERE m.incident IN (SELECT m2.incident FROM event_cluster c2 JOIN incident_members m2 ON m2.event = c2.event
                             WHERE c2.family = $family AND c2.date BETWEEN $lo AND $hi)
        """;

    public const string SetMember = "INSERT INTO incident_members (event, incident) VALUES ($event, $incident) ON CONFLICT (event) DO UPDATE SET incident = excluded.incident";

    public const string DeleteFigures = "DELETE FROM incident_figures WHERE incident = $incident";

    public const string InsertFigure = """
        INSERT INTO incident_figures (incident, claimant, measure, best, min, max, reports)
        VALUES ($incident, $claimant, $measure, $best, $min, $max, $reports)
        """;

    public const string RecordMerge = "INSERT INTO incident_merges (id, merged_into, at) VALUES ($id, $into, $at) ON CONFLICT (id) DO UPDATE SET merged_into = excluded.merged_into, at = excluded.at";

    public const string InsertIncidentStub = "INSERT INTO incidents (family, type, report_count, updated_at) VALUES ($family, $type, 0, $at) RETURNING id";

    public const string IncidentReports = """
        SELECT e.doc AS Doc, e.id AS Id, d.source AS Source, d.published AS Published, d.url AS Url, d.title AS Title,
               e.record AS Record, e.record_sum AS RecordSum
        FROM incident_members m
        JOIN events e ON e.key = m.event
        JOIN documents d ON d.id = e.doc
        WHERE m.incident = $incident
        ORDER BY e.key
        """;

    /// <summary>The reports of an incident without their records, which the writer mostly has in memory.</summary>
    public const string IncidentMembers = """
        SELECT e.key, e.doc, e.id, d.source
        FROM incident_members m
        JOIN events e ON e.key = m.event
        JOIN documents d ON d.id = e.doc
        WHERE m.incident = $incident
        ORDER BY e.key
        """;

    public const string EventRecord = "SELECT record, record_sum, doc, id FROM events WHERE key = $event";

    public const string UpdateIncident = """
        UPDATE incidents SET
            type = $type, subtype = $subtype, date_min = $date_min, date_max = $date_max, date_precision = $date_precision,
            actor = $actor, target_actor = $target_actor, place = $place, place_kind = $place_kind,
            country = $country, admin1 = $admin1, admin2 = $admin2, lat = $lat, lon = $lon,
            report_count = $report_count, sources = $sources, claimed_by = $claimed_by,
            killed_best = $killed_best, killed_min = $killed_min, killed_max = $killed_max,
            injured_best = $injured_best, injured_min = $injured_min, injured_max = $injured_max,
            missiles_launched = $missiles_launched, missiles_intercepted = $missiles_intercepted,
            drones_launched = $drones_launched, drones_intercepted = $drones_intercepted,
            updated_at = $at
        WHERE id = $id
        """;

    /// <summary>An incident's row with its first summary, under the id the writer took for it; the parameters are <see cref="UpdateIncident"/>'s and $family.</summary>
    public const string InsertIncident = """
        INSERT INTO incidents (id, family, type, subtype, date_min, date_max, date_precision, actor, target_actor, place, place_kind,
            country, admin1, admin2, lat, lon, report_count, sources, claimed_by, killed_best, killed_min, killed_max,
            injured_best, injured_min, injured_max, missiles_launched, missiles_intercepted, drones_launched, drones_intercepted, updated_at)
        VALUES ($id, $family, $type, $subtype, $date_min, $date_max, $date_precision, $actor, $target_actor, $place, $place_kind,
            $country, $admin1, $admin2, $lat, $lon, $report_count, $sources, $claimed_by, $killed_best, $killed_min, $killed_max,
            $injured_best, $injured_min, $injured_max, $missiles_launched, $missiles_intercepted, $drones_launched, $drones_intercepted, $at)
        """;

    /// <summary>The id SQLite would give the next incident row: the largest plus one.</summary>
    public const string NextIncidentId = "SELECT coalesce(max(id), 0) + 1 FROM incidents";

    public const string DeleteIncident = "DELETE FROM incidents WHERE id = $id";
}

/// <summary>Consistency checks: what a half-written or half-deleted document would leave behind.</summary>
internal static class CheckSql
{
    public const string Check = """
        SELECT
          (SELECT count(*) FROM documents) AS Documents,
          (SELECT count(*) FROM documents d WHERE event_count <> (SELECT count(*) FROM events e WHERE e.doc = d.id)) AS IncompleteDocuments,
          (SELECT count(*) FROM events WHERE doc NOT IN (SELECT id FROM documents))
            + (SELECT count(*) FROM event_places WHERE event NOT IN (SELECT key FROM events))
            + (SELECT count(*) FROM event_weapons WHERE event NOT IN (SELECT key FROM events))
            + (SELECT count(*) FROM incident_members WHERE event NOT IN (SELECT key FROM events))
            + (SELECT count(*) FROM incidents WHERE id NOT IN (SELECT incident FROM incident_members)) AS OrphanRows,
          (SELECT count(*) FROM events WHERE key NOT IN (SELECT event FROM incident_members)) AS EventsWithoutIncident
        """;
}
