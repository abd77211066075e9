using Dapper;
using Microsoft.Data.Sqlite;
using Sitrep.Events;
using Sitrep.Store.Incidents;
using Sitrep.Store.Query;

namespace Sitrep.Store;

public sealed partial class EventStore
{
    /// <summary>Events matching the query, by date (undated last) then in the order they were stored; streamed.</summary>
    /// <exception cref="QueryException">The full-text expression is not valid FTS5.</exception>
    public IEnumerable<EventRecord> Query(EventQuery query)
    {
        var (where, parameters) = EventFilterSql.Build(query);
        // Dated rows, then undated ones, as two queries: each can walk an index in order and stop
        // at the limit, which one ORDER BY date NULLS LAST could not.
        return DatedThenUndated(query.Limit, limit =>
                Guard(() => _connection.Query<StoredRecord>(
                    $"SELECT e.record AS Record, e.record_sum AS RecordSum, e.doc AS Doc, e.id AS Id FROM events e WHERE {where} AND e.date IS NOT NULL ORDER BY e.date, e.key{Limit(limit)}", parameters, buffered: false), query.Text is not null),
                limit => Guard(() => _connection.Query<StoredRecord>(
                    $"SELECT e.record AS Record, e.record_sum AS RecordSum, e.doc AS Doc, e.id AS Id FROM events e WHERE {where} AND e.date IS NULL ORDER BY e.key{Limit(limit)}", parameters, buffered: false), query.Text is not null))
            .Select(r => EventJson.Deserialize(RecordChecksum.Verified(r.Record, r.RecordSum, r.Doc, r.Id)) ?? throw new InvalidDataException($"event {r.Id} of document {r.Doc}: empty record"));
    }

    /// <inheritdoc />
    public IEnumerable<EventRecord> EventsBetween(DateOnly from, DateOnly to) =>
        Query(new EventQuery { From = from.ToString("yyyy-MM-dd"), To = to.ToString("yyyy-MM-dd") });

    /// <summary>How many events match the query, without reading them.</summary>
    public long Count(EventQuery query)
    {
        var (where, parameters) = EventFilterSql.Build(query);
        return Guard(() => _connection.Query<long>($"SELECT count(*) FROM events e WHERE {where}", parameters, buffered: false), query.Text is not null).Single();
    }

    private static IEnumerable<T> DatedThenUndated<T>(int? limit, Func<int?, IEnumerable<T>> dated, Func<int?, IEnumerable<T>> undated)
    {
        var count = 0;
        foreach (var row in dated(limit))
        {
            count++;
            yield return row;
        }
        if (limit is { } n && count >= n)
            yield break;
        foreach (var row in undated(limit - count))
            yield return row;
    }

    /// <summary>Incidents with at least one report matching the query, by first date; summaries without their reports.</summary>
    public IEnumerable<IncidentRow> QueryIncidents(EventQuery query)
    {
        var (where, parameters) = EventFilterSql.Build(query);
        var filter = where == "1 = 1" ? "" : $"WHERE i.id IN (SELECT m.incident FROM incident_members m JOIN events e ON e.key = m.event WHERE {where})";
        var and = filter == "" ? "WHERE" : "AND";
        return DatedThenUndated(query.Limit,
            limit => Guard(() => _connection.Query<IncidentRow>(
                $"SELECT i.*, {IncidentSources} FROM incidents i {filter} {and} i.date_min IS NOT NULL ORDER BY i.date_min, i.id{Limit(limit)}", parameters, buffered: false), query.Text is not null),
            limit => Guard(() => _connection.Query<IncidentRow>(
                $"SELECT i.*, {IncidentSources} FROM incidents i {filter} {and} i.date_min IS NULL ORDER BY i.id{Limit(limit)}", parameters, buffered: false), query.Text is not null));
    }

    // The addresses and titles of an incident's reports, for exports an analyst can follow back.
    private const string IncidentSources = """
        (SELECT group_concat(u.url, ' ') FROM (SELECT DISTINCT d.url AS url FROM incident_members m JOIN events e ON e.key = m.event
            JOIN documents d ON d.id = e.doc WHERE m.incident = i.id AND d.url IS NOT NULL ORDER BY d.url) AS u) AS Urls,
        (SELECT group_concat(t.title, ' | ') FROM (SELECT DISTINCT d.title AS title FROM incident_members m JOIN events e ON e.key = m.event
            JOIN documents d ON d.id = e.doc WHERE m.incident = i.id AND d.title IS NOT NULL ORDER BY d.title) AS t) AS Titles,
        (SELECT group_concat(c.claim, '; ') FROM (SELECT f.claimant || ' ' || f.measure || ' ' || f.best
                || CASE WHEN f.min <> f.max THEN ' (' || f.min || '-' || f.max || ')' ELSE '' END AS claim
            FROM incident_figures f WHERE f.incident = i.id ORDER BY f.claimant, f.measure) AS c) AS Claims
        """;

    /// <summary>Where a stored document came from: its outlet, address and title (each may be unknown).</summary>
    public (string? Source, string? Url, string? Title) DocumentSource(string doc)
    {
        var row = _connection.QueryFirstOrDefault<SourceRow>("SELECT source, url, title FROM documents WHERE id = $doc", new { doc });
        return (row?.Source, row?.Url, row?.Title);
    }

    private sealed record SourceRow(string? Source, string? Url, string? Title);

    /// <summary>The incident an incident id was merged into, following later merges; null when it was never merged.</summary>
    public long? MergedInto(long id)
    {
        long? into = null;
        for (var hops = 0; hops < 100 && _connection.ExecuteScalar<long?>("SELECT merged_into FROM incident_merges WHERE id = $id", new { id = into ?? id }) is { } next; hops++)
            into = next;
        return into;
    }

    /// <summary>One incident with every report, every figure each source gives, and the best figures; null when there is none.</summary>
    public Incident? GetIncident(long id)
    {
        var reports = LoadReports(_connection, null, id);
        return reports.Count == 0 ? null : IncidentSummarizer.Summarize(id, reports);
    }

    /// <summary>The incident an event of a document belongs to.</summary>
    public long? IncidentOf(string doc, string eventId) =>
        _connection.ExecuteScalar<long?>(
            "SELECT m.incident FROM incident_members m JOIN events e ON e.key = m.event WHERE e.doc = $doc AND e.id = $id",
            new { doc, id = eventId });

    /// <summary>Coordinates of a located place of that name already in the database, the one most often named.</summary>
    public (double Lat, double Lon)? Locate(string placeName)
    {
        var row = _connection.QueryFirstOrDefault<PointRow>(
            "SELECT lat, lon FROM event_places WHERE name_key = $name AND lat IS NOT NULL GROUP BY lat, lon ORDER BY count(*) DESC LIMIT 1",
            new { name = IncidentRule.Fold(placeName) });
        return row is null ? null : (row.Lat, row.Lon);
    }

    /// <summary>Every stored document's content hash by id, so a caller can skip known reports before extracting them.</summary>
    public Dictionary<string, string> DocumentHashes() =>
        _connection.Query<(string Id, string Hash)>("SELECT id, content_hash FROM documents").ToDictionary(r => r.Id, r => r.Hash, StringComparer.Ordinal);

    private sealed record PointRow(double Lat, double Lon);

    private sealed record StoredRecord(string Record, string? RecordSum, string Doc, string Id);

    // FTS5 reports a bad MATCH expression as a plain SQL error ("unterminated string", "fts5:
    // syntax error"); the other filters are bound values that cannot make one.
    private static QueryException Problem(SqliteException e, bool textGiven) =>
        e.SqliteErrorCode == 1 && textGiven
            ? new QueryException(e.Message.Replace("SQLite Error 1: ", ""), inText: true)
            : new QueryException(Describe(e), inText: false);

    private static string Limit(int? limit) => limit is { } n ? $" LIMIT {n}" : "";

    // SQLite reports a bad MATCH expression when the rows are read, so the guard wraps enumeration.
    private static IEnumerable<T> Guard<T>(Func<IEnumerable<T>> run, bool textGiven)
    {
        IEnumerator<T> rows;
        try
        {
            rows = run().GetEnumerator();
        }
        catch (SqliteException e)
        {
            throw Problem(e, textGiven);
        }
        using (rows)
        {
            while (true)
            {
                try
                {
                    if (!rows.MoveNext())
                        yield break;
                }
                catch (SqliteException e)
                {
                    throw Problem(e, textGiven);
                }
                yield return rows.Current;
            }
        }
    }
}

/// <summary>
/// A query the database cannot run: a malformed full-text expression (<see cref="InText"/>), or
/// a database that fails while being read.
/// </summary>
public sealed class QueryException(string problem, bool inText) : Exception(problem)
{
    /// <summary>Whether the --text expression is at fault, rather than the database.</summary>
    public bool InText { get; } = inText;
}

/// <summary>An incident's stored summary, one row of the incidents table.</summary>
public sealed record IncidentRow
{
    public long Id { get; init; }
    public string Family { get; init; } = "";
    public string Type { get; init; } = "";
    public string? Subtype { get; init; }
    public string? DateMin { get; init; }
    public string? DateMax { get; init; }
    public string? DatePrecision { get; init; }
    public string? Actor { get; init; }
    public string? TargetActor { get; init; }
    public string? Place { get; init; }
    public string? PlaceKind { get; init; }
    public string? Country { get; init; }
    public string? Admin1 { get; init; }
    public string? Admin2 { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public long ReportCount { get; init; }
    public string? Sources { get; init; }
    public string? ClaimedBy { get; init; }
    public long? KilledBest { get; init; }
    public long? KilledMin { get; init; }
    public long? KilledMax { get; init; }
    public long? InjuredBest { get; init; }
    public long? InjuredMin { get; init; }
    public long? InjuredMax { get; init; }
    public long? MissilesLaunched { get; init; }
    public long? MissilesIntercepted { get; init; }
    public long? DronesLaunched { get; init; }
    public long? DronesIntercepted { get; init; }
    public string UpdatedAt { get; init; } = "";
    /// <summary>Addresses of the incident's reports, space-separated.</summary>
    public string? Urls { get; init; }
    /// <summary>Titles of the incident's reports, separated by " | ".</summary>
    public string? Titles { get; init; }
    /// <summary>Each claimant's best figures, kept apart: "RU killed 0; UA killed 5 (5-6)".</summary>
    public string? Claims { get; init; }
}
