using Microsoft.Data.Sqlite;
using Sitrep.Events;
using Sitrep.Store.Incidents;
using Sitrep.Store.Query;

namespace Sitrep.Store;

public sealed partial class EventStore : IEventReader
{
    private StoreReader? _reader;

    // SQLite runs a statement while another's rows are being read, so streams share the one connection.
    private StoreReader Reader => _reader ??= NewReader();

    private StoreReader NewReader()
    {
        // A read-only connection keeps SQLite's default 2 MB of pages, less than one month's
        // events or the stats copies: each query read them again from the file. A reader keeps
        // twice the writer's 64 MB: a place over all time finds its events on pages all over the
        // file (Odesa: 18,249 events on about 18,000 pages, 72 MB), and with 64 MB each run read
        // them all again from the file. SQLite takes the pages as they are read, not up front.
        if (!_writer)
            Dapper.SqlMapper.Execute(_connection, $"PRAGMA cache_size = {ReaderCacheSize}");
        var keyIndex = Dapper.SqlMapper.ExecuteScalar<long>(_connection, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = @name", new { name = StatsSql.KeyIndex }) > 0;
        return new StoreReader(_connection, ReadDialect.Sqlite, () => (_connection, false), _placeTree, _weaponColumns, _summaries, keyIndex);
    }

    // Negative: in KiB, as the writer's pragmas give it (StoreSql.Pragmas).
    private const int ReaderCacheSize = -131072;

    /// <inheritdoc />
    /// <exception cref="QueryException">The full-text expression is not valid FTS5.</exception>
    public IEnumerable<EventRecord> Query(EventQuery query) => Reader.Query(query);

    /// <inheritdoc />
    public IEnumerable<EventRecord> EventsBetween(DateOnly from, DateOnly to) =>
        Query(EventQuery.Between(from, to));

    /// <inheritdoc />
    public long Count(EventQuery query) => Reader.Count(query);

    /// <inheritdoc />
    public IEnumerable<IncidentRow> QueryIncidents(EventQuery query) => Reader.QueryIncidents(query);

    /// <inheritdoc />
    public (string? Source, string? Url, string? Title) DocumentSource(string doc) => Reader.DocumentSource(doc);

    /// <inheritdoc />
    public long? MergedInto(long id) => Reader.MergedInto(id);

    /// <inheritdoc />
    public Incident? GetIncident(long id) => Reader.GetIncident(id);

    /// <inheritdoc />
    public long? IncidentOf(string doc, string eventId) => Reader.IncidentOf(doc, eventId);

    /// <inheritdoc />
    public (double Lat, double Lon)? Locate(string placeName) => Reader.Locate(placeName);

    /// <summary>Every stored document's content hash by id, so a caller can skip known reports before extracting them.</summary>
    public Dictionary<string, string> DocumentHashes() =>
        Dapper.SqlMapper.Query<(string Id, string Hash)>(_connection, "SELECT id, content_hash FROM documents").ToDictionary(r => r.Id, r => r.Hash, StringComparer.Ordinal);

    private static QueryException Problem(SqliteException e, bool textGiven) => ReadDialect.Sqlite.Problem(e, textGiven)!;
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
