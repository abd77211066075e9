using Dapper;
using Sitrep.Store.Incidents;
using Sitrep.Store.Query;

namespace Sitrep.Store;

// Rows Dapper fills are property records, not positional ones: Dapper cannot type the columns of
// an empty SQLite result, and a positional record then fails to materialize.

/// <summary>One report's claim that a side took, retook or lost a settlement.</summary>
public sealed record ControlClaim
{
    public long Incident { get; init; }
    public string Date { get; init; } = "";
    public string? Subtype { get; init; }
    public string? Actor { get; init; }
    public string? ClaimedBy { get; init; }
    public string? Source { get; init; }
    public string Doc { get; init; } = "";
    public string Place { get; init; } = "";
    public string? Admin1 { get; init; }
    public double Lat { get; init; }
    public double Lon { get; init; }
    public long? GeonamesId { get; init; }
}

/// <summary>Where a stored report's text lives, so it can be shown with its evidence.</summary>
public sealed record DocumentFile
{
    public string Id { get; init; } = "";
    public string Path { get; init; } = "";
    public string? Title { get; init; }
    public string ContentHash { get; init; } = "";
}

public sealed partial class EventStore
{
    /// <summary>
    /// Every incident's summary, for a reader that filters and aggregates in memory (the
    /// dashboard does: a scan of a few MB beats a query per map move); ordered by id.
    /// </summary>
    public IReadOnlyList<IncidentRow> IncidentSummaries() =>
        _connection.Query<IncidentRow>("SELECT * FROM incidents ORDER BY id").ToList();

    /// <summary>The given incidents' summaries.</summary>
    public IReadOnlyList<IncidentRow> IncidentsById(IReadOnlyCollection<long> ids) =>
        ids.Count == 0 ? [] : _connection.Query<IncidentRow>("SELECT * FROM incidents WHERE id IN @ids", new { ids }).ToList();

    /// <summary>
    /// Incidents with at least one report matching the query's report-level filters (place,
    /// near, weapon, text, background; type, dates, actor and oblast are left to the caller),
    /// or null when the query has none, so every incident passes.
    /// </summary>
    /// <exception cref="QueryException">The full-text expression is not valid FTS5.</exception>
    public HashSet<long>? IncidentsWithReportsMatching(EventQuery query)
    {
        var perReport = query with { Types = [], From = null, To = null, Actor = null, Oblast = null, Limit = null };
        var (where, p) = EventFilterSql.Sqlite.Build(perReport);
        if (where == "1 = 1")
            return null;
        return Run(() => _connection.Query<long>(
            $"SELECT DISTINCT m.incident FROM events e JOIN incident_members m ON m.event = e.key WHERE {where}", p).ToHashSet());
    }

    /// <summary>The match key of an oblast name as the store compares them ("Kharkiv Oblast" and "kharkiv region" are one).</summary>
    public static string OblastKey(string name) => IncidentRule.OblastKey(name);

    /// <summary>A page of events matching the query (and, when given, claimed by <paramref name="claimant"/>), as their JSON records, by date, undated last.</summary>
    public IReadOnlyList<string> EventPage(EventQuery query, string? claimant, int offset, int size)
    {
        var (where, p) = EventFilterSql.Sqlite.Build(query with { Limit = null });
        if (claimant is not null)
        {
            where = $"({where}) AND e.claimed_by = $claimant COLLATE NOCASE";
            p.Add("claimant", claimant);
        }
        // Dated and undated events are asked for apart: "ORDER BY date, key" over dated events walks
        // the date index and stops at the page, where "ORDER BY date IS NULL, ..." sorted every
        // match (90 ms for the strikes of 100,000 incidents) to return a hundred.
        p.Add("offset", offset);
        p.Add("size", size);
        var dated = Run(() => _connection.Query<string>(
            $"SELECT e.record FROM events e WHERE ({where}) AND e.date IS NOT NULL ORDER BY e.date, e.key LIMIT $size OFFSET $offset", p).ToList());
        if (dated.Count == size)
            return dated;
        // The dated events end on this page (or before it); the undated ones follow them.
        var datedTotal = dated.Count > 0 ? offset + dated.Count
            : Run(() => _connection.ExecuteScalar<int>($"SELECT count(*) FROM events e WHERE ({where}) AND e.date IS NOT NULL", p));
        p.Add("undated_offset", Math.Max(0, offset - datedTotal));
        p.Add("undated_size", size - dated.Count);
        dated.AddRange(Run(() => _connection.Query<string>(
            $"SELECT e.record FROM events e WHERE ({where}) AND e.date IS NULL ORDER BY e.key LIMIT $undated_size OFFSET $undated_offset", p)));
        return dated;
    }

    /// <summary>
    /// Every dated report that a side took or retook a located settlement (the event's first
    /// place; later ones are context such as "near Pokrovsk"), oldest first, filtered as the
    /// query and <paramref name="claimant"/> say (types and start date aside: claims are all of one type, and count up to the day asked).
    /// </summary>
    public IReadOnlyList<ControlClaim> ControlClaims(EventQuery query, string? claimant, IReadOnlyCollection<string> controlSubtypes)
    {
        var (where, p) = EventFilterSql.Sqlite.Build(query with { Types = [Events.EventType.TerritorialChange], From = null, Limit = null });
        if (claimant is not null)
        {
            where = $"({where}) AND e.claimed_by = $claimant COLLATE NOCASE";
            p.Add("claimant", claimant);
        }
        p.Add("subtypes", controlSubtypes);
        return Run(() => _connection.Query<ControlClaim>($"""
            SELECT m.incident AS Incident, e.date AS Date, e.subtype AS Subtype, e.actor AS Actor, e.claimed_by AS ClaimedBy,
                   d.source AS Source, e.doc AS Doc, pl.name AS Place, pl.admin1 AS Admin1, pl.lat AS Lat, pl.lon AS Lon, pl.geonames_id AS GeonamesId
            FROM events e
            JOIN event_places pl ON pl.event = e.key AND pl.ord = 0 AND pl.kind = 'settlement' AND pl.lat IS NOT NULL
            JOIN documents d ON d.id = e.doc
            JOIN incident_members m ON m.event = e.key
            WHERE {where} AND e.date IS NOT NULL AND e.subtype IN @subtypes
            ORDER BY e.date, e.key
            """, p).ToList());
    }

    /// <summary>Where the given documents' texts were read from.</summary>
    public IReadOnlyList<DocumentFile> DocumentFiles(IEnumerable<string> ids) =>
        _connection.Query<DocumentFile>("SELECT id AS Id, path AS Path, title AS Title, content_hash AS ContentHash FROM documents WHERE id IN @ids",
            new { ids = ids.ToList() }).ToList();

    /// <summary>Changes whenever another connection commits to the database: when to reload what was read from it.</summary>
    public long DataVersion() => _connection.ExecuteScalar<long>("PRAGMA data_version");

    // SQLite reports a bad full-text expression as an error when the statement runs.
    private static T Run<T>(Func<T> query)
    {
        try
        {
            return query();
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw Problem(e, textGiven: true);
        }
    }
}
