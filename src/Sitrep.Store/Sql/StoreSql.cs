namespace Sitrep.Store.Sql;

/// <summary>
/// Every statement the store runs, in one place. The schema itself is Schema.sql beside this
/// file; query filters are assembled by <see cref="Query.EventFilterSql"/> from fragments there.
/// </summary>
internal static class StoreSql
{
    public const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 10000;
        PRAGMA temp_store = MEMORY;
        PRAGMA cache_size = -65536;
        """;

    public const string DocumentHash = "SELECT content_hash FROM documents WHERE id = $id";

    public const string InsertDocument = """
        INSERT INTO documents (id, path, source, url, title, published, content_hash, event_count, ingested_at)
        VALUES ($id, $path, $source, $url, $title, $published, $hash, $count, $at)
        """;

    public const string InsertEvent = """
        INSERT INTO events (id, doc, type, subtype, date, date_precision, actor, target_actor, claimed_by,
                            killed, injured, amount_usd, background, confidence, place, admin1, lat, lon, record)
        VALUES ($id, $doc, $type, $subtype, $date, $precision, $actor, $target, $claimed,
                $killed, $injured, $amount, $background, $confidence, $place, $admin1, $lat, $lon, $record)
        RETURNING key
        """;

    public const string InsertPlace = """
        INSERT INTO event_places (event, ord, name, kind, country, admin1, admin2, lat, lon, geonames_id, admin1_key, name_key, family, date)
        VALUES ($event, $ord, $name, $kind, $country, $admin1, $admin2, $lat, $lon, $gid, $admin1_key, $name_key, $family, $date)
        """;

    public const string InsertWeapon = """
        INSERT INTO event_weapons (event, ord, class, model, launched, intercepted)
        VALUES ($event, $ord, $class, $model, $launched, $intercepted)
        """;

    public const string InsertEvidence = "INSERT INTO evidence (rowid, text) VALUES ($event, $text)";

    public const string EventKeysOfDocument = "SELECT key FROM events WHERE doc = $doc";

    /// <summary>Removes one event and everything hanging off it; run per key of a replaced document.</summary>
    public const string DeleteEvent = """
        DELETE FROM incident_members WHERE event = $event;
        DELETE FROM event_places WHERE event = $event;
        DELETE FROM event_weapons WHERE event = $event;
        DELETE FROM evidence WHERE rowid = $event;
        DELETE FROM events WHERE key = $event;
        """;

    public const string IncidentOfEvent = "SELECT incident FROM incident_members WHERE event = $event";

    public const string DeleteDocument = "DELETE FROM documents WHERE id = $id";

    /// <summary>
    /// Places of already-clustered events of the same family on the given days that are the same
    /// place, in the same oblast, or inside a box around the new place: three index range scans.
    /// The exact rule is applied in code (<see cref="Incidents.IncidentRule"/>), which also takes
    /// a place found twice once (UNION ALL spares a temporary b-tree per new event).
    /// </summary>
    public const string ClusterCandidates = """
        SELECT m.incident AS Incident, e.doc AS Doc, e.actor AS Actor, e.target_actor AS TargetActor,
               i.actor AS IncidentActor, i.target_actor AS IncidentTargetActor, i.date_min AS DateMin, i.date_max AS DateMax,
               p.name AS Name, p.kind AS Kind, p.country AS Country, p.admin1 AS Admin1, p.lat AS Lat, p.lon AS Lon, p.geonames_id AS GeonamesId, i.place_kind AS IncidentPlaceKind
        FROM (
            SELECT event, ord FROM event_places WHERE family = $family AND date IN ($d0, $d1, $d2) AND name_key = $name_key
            UNION ALL
            SELECT event, ord FROM event_places WHERE family = $family AND date IN ($d0, $d1, $d2) AND admin1_key = $admin1_key AND ($is_region OR kind = 'region')
            UNION ALL
            SELECT event, ord FROM event_places WHERE family = $family AND date IN ($d0, $d1, $d2) AND lat BETWEEN $lat_min AND $lat_max AND lon BETWEEN $lon_min AND $lon_max
        ) AS hit
        JOIN event_places p ON p.event = hit.event AND p.ord = hit.ord
        JOIN events e ON e.key = p.event
        JOIN incident_members m ON m.event = p.event
        JOIN incidents i ON i.id = m.incident
        """;

    public const string DocumentsOfIncident = """
        SELECT DISTINCT e.doc FROM incident_members m JOIN events e ON e.key = m.event WHERE m.incident = $incident
        """;

    public const string InsertIncidentStub = "INSERT INTO incidents (family, type, report_count, updated_at) VALUES ($family, $type, 0, $at) RETURNING id";

    public const string InsertMember = "INSERT INTO incident_members (event, incident) VALUES ($event, $incident)";

    public const string IncidentReports = """
        SELECT e.doc AS Doc, d.source AS Source, d.published AS Published, d.url AS Url, e.record AS Record
        FROM incident_members m
        JOIN events e ON e.key = m.event
        JOIN documents d ON d.id = e.doc
        WHERE m.incident = $incident
        ORDER BY e.key
        """;

    /// <summary>The reports of an incident without their records, which the writer mostly has in memory.</summary>
    public const string IncidentMembers = """
        SELECT e.key, e.doc, d.source, d.published, d.url
        FROM incident_members m
        JOIN events e ON e.key = m.event
        JOIN documents d ON d.id = e.doc
        WHERE m.incident = $incident
        ORDER BY e.key
        """;

    public const string EventRecord = "SELECT record FROM events WHERE key = $event";

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

    public const string DeleteIncident = "DELETE FROM incidents WHERE id = $id";
}

/// <summary>Statements behind <c>sitrep stats</c>; all figures come from incidents, so a strike told by three outlets counts once.</summary>
internal static class StatsSql
{
    public const string Totals = """
        SELECT (SELECT count(*) FROM documents) AS Documents,
               (SELECT count(*) FROM events) AS Events,
               (SELECT count(*) FROM incidents) AS Incidents
        """;

    public const string Daily = """
        SELECT date_min AS Date, count(*) AS Incidents,
               coalesce(sum(missiles_launched), 0) AS MissilesLaunched, coalesce(sum(missiles_intercepted), 0) AS MissilesIntercepted,
               coalesce(sum(drones_launched), 0) AS DronesLaunched, coalesce(sum(drones_intercepted), 0) AS DronesIntercepted,
               coalesce(sum(killed_best), 0) AS Killed, coalesce(sum(injured_best), 0) AS Injured
        FROM incidents
        WHERE date_min IS NOT NULL AND date_min >= $from AND date_min <= $to
        GROUP BY date_min
        ORDER BY date_min
        """;

    public const string ByType = """
        SELECT type AS Key, count(*) AS Incidents, sum(report_count) AS Reports,
               coalesce(sum(killed_best), 0) AS Killed, coalesce(sum(injured_best), 0) AS Injured
        FROM incidents
        WHERE coalesce(date_min, '') >= $from AND coalesce(date_min, '') <= $to
        GROUP BY type
        ORDER BY count(*) DESC, type
        """;

    public const string ByOblast = """
        SELECT coalesce(admin1, '(unknown)') AS Key, count(*) AS Incidents, sum(report_count) AS Reports,
               coalesce(sum(killed_best), 0) AS Killed, coalesce(sum(injured_best), 0) AS Injured
        FROM incidents
        WHERE coalesce(date_min, '') >= $from AND coalesce(date_min, '') <= $to
        GROUP BY coalesce(admin1, '(unknown)')
        ORDER BY count(*) DESC, Key
        """;
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
