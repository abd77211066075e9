using System.Data.Common;
using Dapper;
using Sitrep.Events;
using Sitrep.Store.Incidents;
using Sitrep.Store.Sql;

namespace Sitrep.Store.Query;

/// <summary>
/// The reading statements of both stores, written once and run in either dialect (see
/// <see cref="ReadDialect"/>). Streamed results read through <paramref name="streams"/>: SQLite
/// reads them on the store's one connection, which may run other statements while a reader is
/// open; a PostgreSQL connection may not, so each stream takes a pooled connection of its own and
/// an export can look up each event's source while it streams the events.
/// </summary>
internal sealed class StoreReader(DbConnection connection, ReadDialect dialect, Func<(DbConnection Connection, bool Owned)> streams,
    bool placeTree = false, bool weaponColumns = true, bool summaries = false, bool keyIndex = false)
{
    private readonly EventFilterSql _filters = new(dialect, placeTree);
    private readonly StatsSql _stats = new(dialect, weaponColumns);

    // Columns are snake_case, record properties PascalCase.
    static StoreReader() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public IEnumerable<EventRecord> Query(EventQuery query)
    {
        if (query is { Rank: true, Text: { } text })
        {
            // The matches drive the query and the database ranks them: one statement, whose limit
            // stops after the best rows however many match.
            // Ranked by key alone, so that the sort carries no records; the records of the best are read after.
            var (others, bound) = _filters.Build(query with { Text = null });
            bound.Add("text", dialect.FullText(text));
            // Without other filters the events are not read until the best are known.
            var best = others == "1 = 1"
                ? $"SELECT {dialect.MatchKey} AS key, {dialect.Relevance} AS score {dialect.Matches} WHERE {dialect.Matching} ORDER BY score, key{Limit(query.Limit)}"
                : $"SELECT e.key AS key, {dialect.Relevance} AS score {dialect.RankedMatches} WHERE {dialect.Matching} AND {others} ORDER BY score, e.key{Limit(query.Limit)}";
            return Records($"{SelectColumns} FROM ({best}) r {dialect.ThenJoin} events e ON e.key = r.key ORDER BY r.score, r.key", bound, textGiven: true);
        }
        var (where, parameters) = _filters.Build(query);
        // Dated rows, then undated ones, as two queries: each can walk an index in order and stop
        // at the limit, which one ORDER BY date NULLS LAST could not.
        return DatedThenUndated(query.Limit,
                limit => Records($"{SelectRecord} WHERE {where} AND e.date IS NOT NULL ORDER BY e.date, e.key{Limit(limit)}", parameters, query.Text is not null),
                limit => Records($"{SelectRecord} WHERE {where} AND e.date IS NULL ORDER BY e.key{Limit(limit)}", parameters, query.Text is not null));
    }

    // SQLite's records are read from their UTF-8 bytes through SQLite's C interface (StoredRecords); PostgreSQL's, on a connection of their own, as text through Dapper.
    private IEnumerable<EventRecord> Records(string sql, DynamicParameters parameters, bool textGiven) =>
        dialect == ReadDialect.Sqlite
            ? Guard(() => StoredRecords.Read((Microsoft.Data.Sqlite.SqliteConnection)connection, sql, parameters), textGiven)
            : Stream<StoredRecord>(sql, parameters, textGiven).Select(r => StoredRecords.Parsed(EventJson.Deserialize(RecordChecksum.Verified(r.Record, r.RecordSum, r.Doc, r.Id)), r.Doc, r.Id));

    private const string SelectColumns = "SELECT e.record AS Record, e.record_sum AS RecordSum, e.doc AS Doc, e.id AS Id";
    private const string SelectRecord = SelectColumns + " FROM events e";

    public long Count(EventQuery query)
    {
        var (where, parameters) = _filters.Build(query);
        return Guard(() => connection.Query<long>($"SELECT count(*) FROM events e WHERE {where}", parameters, buffered: false), query.Text is not null).Single();
    }

    public IEnumerable<IncidentRow> QueryIncidents(EventQuery query)
    {
        var (where, parameters) = _filters.Build(query);
        var filter = where == "1 = 1" ? "" : $"WHERE i.id IN (SELECT m.incident FROM incident_members m JOIN events e ON e.key = m.event WHERE {where})";
        var and = filter == "" ? "WHERE" : "AND";
        return DatedThenUndated(query.Limit,
            limit => StreamIncidents($"{SelectIncident} {filter} {and} i.date_min IS NOT NULL ORDER BY i.date_min, i.id{Limit(limit)}", parameters, query.Text is not null),
            limit => StreamIncidents($"{SelectIncident} {filter} {and} i.date_min IS NULL ORDER BY i.id{Limit(limit)}", parameters, query.Text is not null));
    }

    // SQLite's rows are read by hand (IncidentRows); PostgreSQL's, on a connection of their own, through Dapper.
    private IEnumerable<IncidentRow> StreamIncidents(string sql, DynamicParameters parameters, bool textGiven) =>
        dialect == ReadDialect.Sqlite
            ? ByHand(IncidentRows.Read, sql, parameters, textGiven)
            : Stream<IncidentRow>(sql, parameters, textGiven);

    // SQLite's rows, read from the provider's reader on the store's one connection by a reader of their own.
    private IEnumerable<T> ByHand<T>(Func<Func<DbDataReader>, IEnumerable<T>> read, string sql, DynamicParameters parameters, bool textGiven) =>
        Guard(() => read(() => (DbDataReader)connection.ExecuteReader(sql, parameters)), textGiven);

    // The writer's copy of each incident's sources is one primary-key look-up, where working them
    // out is three look-ups of the incident's reports.
    private string SelectIncident => summaries
        ? "SELECT i.*, l.urls AS Urls, l.titles AS Titles, l.claims AS Claims FROM incidents i LEFT JOIN incident_listing l ON l.incident = i.id"
        : $"SELECT i.*, {Sources(dialect)} FROM incidents i";

    /// <summary>
    /// The addresses and titles of an incident <c>i</c>'s reports, for exports an analyst can
    /// follow back, and each claimant's figures: three correlated look-ups, which SQLite's writer
    /// also runs once per changed incident to keep their result (see <see cref="StoreSummaries"/>).
    /// </summary>
    internal static string Sources(ReadDialect dialect) => $"""
        (SELECT {dialect.Joined("u.url", "' '", "u.url")} FROM (SELECT DISTINCT d.url AS url FROM incident_members m JOIN events e ON e.key = m.event
            JOIN documents d ON d.id = e.doc WHERE m.incident = i.id AND d.url IS NOT NULL ORDER BY d.url) AS u) AS Urls,
        (SELECT {dialect.Joined("t.title", "' | '", "t.title")} FROM (SELECT DISTINCT d.title AS title FROM incident_members m JOIN events e ON e.key = m.event
            JOIN documents d ON d.id = e.doc WHERE m.incident = i.id AND d.title IS NOT NULL ORDER BY d.title) AS t) AS Titles,
        (SELECT {dialect.Joined("c.claim", "'; '", "c.claimant", "c.measure")} FROM (SELECT f.claimant || ' ' || f.measure || ' ' || f.best
                || CASE WHEN f.min <> f.max THEN ' (' || f.min || '-' || f.max || ')' ELSE '' END AS claim, f.claimant AS claimant, f.measure AS measure
            FROM incident_figures f WHERE f.incident = i.id ORDER BY f.claimant, f.measure) AS c) AS Claims
        """;

    public (string? Source, string? Url, string? Title) DocumentSource(string doc)
    {
        var row = connection.QueryFirstOrDefault<SourceRow>("SELECT source, url, title FROM documents WHERE id = @doc", new { doc });
        return (row?.Source, row?.Url, row?.Title);
    }

    public long? MergedInto(long id)
    {
        long? into = null;
        for (var hops = 0; hops < 100 && connection.ExecuteScalar<long?>("SELECT merged_into FROM incident_merges WHERE id = @id", new { id = into ?? id }) is { } next; hops++)
            into = next;
        return into;
    }

    public Incident? GetIncident(long id)
    {
        var reports = Reports(connection, null, id);
        return reports.Count == 0 ? null : IncidentSummarizer.Summarize(id, reports);
    }

    /// <summary>An incident's reports with their records, as the summarizer takes them.</summary>
    internal static List<IncidentReport> Reports(DbConnection connection, DbTransaction? transaction, long incident) =>
        connection.Query<ReportRow>(StoreSql.IncidentReports.Replace("$incident", "@incident"), new { incident }, transaction)
            .Select(r => new IncidentReport(r.Doc, r.Source, r.Published, r.Url,
                EventJson.Deserialize(RecordChecksum.Verified(r.Record, r.RecordSum, r.Doc, r.Id)) ?? throw new InvalidDataException($"event record of document {r.Doc} is empty"))
                { Title = r.Title })
            .ToList();

    public long? IncidentOf(string doc, string eventId) =>
        connection.ExecuteScalar<long?>(
            "SELECT m.incident FROM incident_members m JOIN events e ON e.key = m.event WHERE e.doc = @doc AND e.id = @id",
            new { doc, id = eventId });

    public (double Lat, double Lon)? Locate(string placeName)
    {
        // Ties go to the lowest point, so both stores name the same one.
        var row = connection.QueryFirstOrDefault<PointRow>(
            "SELECT lat, lon FROM event_places WHERE name_key = @name AND lat IS NOT NULL GROUP BY lat, lon ORDER BY count(*) DESC, lat, lon LIMIT 1",
            new { name = IncidentRule.Fold(placeName) });
        return row is null ? null : (row.Lat, row.Lon);
    }

    public StoreStatistics Statistics(StatsQuery query)
    {
        if (summaries && StatsSql.ByDaysOnly(query))
        {
            var days = StatsSql.Days(query);
            var bounds = StatsSql.DayBounds(query);
            return new StoreStatistics(
                connection.QuerySingle<StoreTotals>(StatsSql.Totals),
                connection.Query<DailyFigures>(StatsSql.SummaryDaily, days).ToList(),
                WeaponPacks.Read((Microsoft.Data.Sqlite.SqliteConnection)connection, bounds),
                connection.Query<GroupCount>(StatsSql.SummaryGroups("type", bounds, keyIndex), days).ToList(),
                connection.Query<GroupCount>(StatsSql.SummaryGroups("oblast", bounds, keyIndex), days).ToList());
        }
        var (picked, p) = _stats.Picked(query, () => connection.Query<string>(StatsSql.Oblasts));
        return new StoreStatistics(
            connection.QuerySingle<StoreTotals>(StatsSql.Totals),
            connection.Query<DailyFigures>(picked + StatsSql.Daily, p).ToList(),
            connection.Query<WeaponFigures>(picked + _stats.Weapons, p).ToList(),
            connection.Query<GroupCount>(picked + _stats.ByType, p).ToList(),
            connection.Query<GroupCount>(picked + _stats.ByOblast, p).ToList());
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

    private IEnumerable<T> Stream<T>(string sql, DynamicParameters parameters, bool textGiven)
    {
        DbConnection? own = null;
        try
        {
            var rows = Guard(() =>
            {
                var (stream, owned) = streams();
                own = owned ? stream : null;
                return stream.Query<T>(sql, parameters, buffered: false);
            }, textGiven);
            foreach (var row in rows)
                yield return row;
        }
        finally
        {
            own?.Dispose();
        }
    }

    private static string Limit(int? limit) => limit is { } n ? $" LIMIT {n}" : "";

    // SQLite reports a bad MATCH expression when the rows are read, so the guard wraps enumeration.
    private IEnumerable<T> Guard<T>(Func<IEnumerable<T>> run, bool textGiven)
    {
        IEnumerator<T> rows;
        try
        {
            rows = run().GetEnumerator();
        }
        catch (DbException e) when (dialect.Problem(e, textGiven) is { } problem)
        {
            throw problem;
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
                catch (DbException e) when (dialect.Problem(e, textGiven) is { } problem)
                {
                    throw problem;
                }
                yield return rows.Current;
            }
        }
    }

    private sealed record SourceRow(string? Source, string? Url, string? Title);

    private sealed record PointRow(double Lat, double Lon);

    private sealed record StoredRecord(string Record, string? RecordSum, string Doc, string Id);

    private sealed record ReportRow(string Doc, string Id, string? Source, string? Published, string? Url, string? Title, string Record, string? RecordSum);
}
