using System.Data.Common;
using System.Globalization;
using Dapper;
using Sitrep.Store.Postgres;

namespace Sitrep.Store.Tests;

/// <summary>
/// What a store holds, read the same way from SQLite and PostgreSQL and written as sorted lines,
/// so two stores (or two runs) can be compared. Row keys and incident ids are left out: they
/// depend on the order of writes. An incident is named by its members' (document, event) ids.
/// </summary>
internal static class StoreContents
{
    public static DbConnection Connection(IEventStore store) => store switch
    {
        EventStore sqlite => sqlite.Connection,
        PgEventStore pg => pg.Connection,
        _ => throw new ArgumentException($"no connection for {store.GetType().Name}"),
    };

    // SQLite's FTS5 table is keyed by rowid, PostgreSQL's evidence table by a column.
    private static string EvidenceKey(IEventStore store) => store is EventStore ? "rowid" : "event";

    public static List<string> Stored(IEventStore store)
    {
        var c = Connection(store);
        var lines = new List<string>();
        lines.AddRange(Rows(c, "SELECT id, path, source, url, title, published, content_hash, event_count FROM documents", "document"));
        lines.AddRange(Rows(c, """
            SELECT doc, id, type, subtype, date, date_precision, actor, target_actor, claimed_by, killed, injured, amount_usd,
                   background, confidence, place, admin1, lat, lon, record, record_sum FROM events
            """, "event"));
        lines.AddRange(Rows(c, """
            SELECT e.doc, e.id, p.ord, p.name, p.kind, p.country, p.admin1, p.admin2, p.lat, p.lon, p.geonames_id, p.admin1_key, p.name_key, p.family, p.date
            FROM event_places p JOIN events e ON e.key = p.event
            """, "place"));
        lines.AddRange(Rows(c, "SELECT e.doc, e.id, w.ord, w.class, w.model, w.launched, w.intercepted FROM event_weapons w JOIN events e ON e.key = w.event", "weapon"));
        lines.AddRange(Rows(c, $"SELECT e.doc, e.id, v.text FROM evidence v JOIN events e ON e.key = v.{EvidenceKey(store)}", "evidence"));
        lines.AddRange(Rows(c, """
            SELECT c.doc, c.id, c.family, c.date, c.night_after, c.actor, c.target, c.level, c.kind, c.name_key, c.admin1_key, c.country, c.lat, c.lon, c.geonames_id, c.killed
            FROM event_cluster c
            """, "cluster"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Each incident as its members, its summary and its figures by claimant.</summary>
    public static List<string> Incidents(IEventStore store)
    {
        var c = Connection(store);
        var members = c.Query<(long Incident, string Doc, string Id)>(
                "SELECT m.incident, e.doc, e.id FROM incident_members m JOIN events e ON e.key = m.event")
            .GroupBy(m => m.Incident)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(m => $"{m.Doc}/{m.Id}").Order(StringComparer.Ordinal)));
        var summaries = c.Query("""
            SELECT id, family, type, subtype, date_min, date_max, date_precision, actor, target_actor, place, place_kind, country, admin1, admin2,
                   lat, lon, report_count, sources, claimed_by, killed_best, killed_min, killed_max, injured_best, injured_min, injured_max,
                   missiles_launched, missiles_intercepted, drones_launched, drones_intercepted
            FROM incidents
            """).Cast<IDictionary<string, object?>>().ToList();
        var figures = c.Query("SELECT incident, claimant, measure, best, min, max, reports FROM incident_figures")
            .Cast<IDictionary<string, object?>>()
            .GroupBy(f => Convert.ToInt64(f["incident"]))
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(f => Line(f.Where(kv => kv.Key != "incident"))).Order(StringComparer.Ordinal)));
        return summaries.Select(s =>
            {
                var id = Convert.ToInt64(s["id"]);
                return $"[{members.GetValueOrDefault(id, "no members")}] {Line(s.Where(kv => kv.Key != "id"))} figures: {figures.GetValueOrDefault(id, "")}";
            })
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Rows that hang off nothing, or documents not stored whole.</summary>
    public static long Orphans(IEventStore store) => Connection(store).ExecuteScalar<long>($"""
        SELECT
          (SELECT count(*) FROM events WHERE doc NOT IN (SELECT id FROM documents))
        + (SELECT count(*) FROM event_places WHERE event NOT IN (SELECT key FROM events))
        + (SELECT count(*) FROM event_weapons WHERE event NOT IN (SELECT key FROM events))
        + (SELECT count(*) FROM evidence WHERE {EvidenceKey(store)} NOT IN (SELECT key FROM events))
        + (SELECT count(*) FROM incident_members WHERE event NOT IN (SELECT key FROM events))
        + (SELECT count(*) FROM incidents WHERE id NOT IN (SELECT incident FROM incident_members))
        + (SELECT count(*) FROM events WHERE key NOT IN (SELECT event FROM incident_members))
        + (SELECT count(*) FROM documents d WHERE event_count <> (SELECT count(*) FROM events e WHERE e.doc = d.id))
        """);

    /// <summary>Fails naming the first lines that differ, instead of two truncated lists.</summary>
    public static void AssertSame(List<string> expected, List<string> actual)
    {
        var missing = expected.Except(actual).Take(3).ToList();
        var extra = actual.Except(expected).Take(3).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
            $"{expected.Count} lines expected, {actual.Count} found\nmissing:\n{string.Join("\n", missing)}\nextra:\n{string.Join("\n", extra)}");
    }

    public static long Count(IEventStore store, string table) => Connection(store).ExecuteScalar<long>($"SELECT count(*) FROM {table}");

    private static IEnumerable<string> Rows(DbConnection c, string sql, string label) =>
        c.Query(sql).Cast<IDictionary<string, object?>>().Select(row => $"{label}: {Line(row)}");

    private static string Line(IEnumerable<KeyValuePair<string, object?>> row) =>
        string.Join(" | ", row.Select(kv => $"{kv.Key}={Value(kv.Value)}"));

    // SQLite returns integers as long and PostgreSQL as the column's width: both print the same.
    private static string Value(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
