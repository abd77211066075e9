using Dapper;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store.Incidents;
using Sitrep.Store.Sql;

namespace Sitrep.Store;

/// <summary>A document and the events extracted from it: the unit the store writes whole or not at all.</summary>
public sealed record ExtractedDocument(Document Document, IReadOnlyList<EventRecord> Events);

public enum IngestOutcome
{
    /// <summary>A document the store did not have.</summary>
    Added,
    /// <summary>The same document with the same content: nothing changed.</summary>
    Unchanged,
    /// <summary>A known document whose content changed: its old events were replaced.</summary>
    Replaced,
}

public sealed partial class EventStore
{
    public IngestOutcome Ingest(Document document, IReadOnlyList<EventRecord> events) =>
        Ingest([new ExtractedDocument(document, events)])[0];

    /// <inheritdoc />
    public IReadOnlyList<IngestOutcome> Ingest(IReadOnlyList<ExtractedDocument> batch)
    {
        foreach (var item in batch)
            if (Problem(item) is { } problem)
                throw new ArgumentException($"{item.Document.Path}: {problem}", nameof(batch));

        var outcomes = new List<IngestOutcome>(batch.Count);
        // The writer inserts every parent row before its children (a document before its
        // events, an event before its places, an incident before its members) and deletes
        // children before parents, so SQLite's checking of each foreign key is work done twice;
        // worse, a statement that may fail a check midway needs a statement journal of its
        // own. Off for the writer's transaction only (SQLite takes the pragma outside one);
        // every other connection and statement checks them as before.
        using var foreignKeysOff = new ForeignKeysOff(_connection);
        try
        {
            using var transaction = _connection.BeginTransaction();
            using var writer = new StoreWriter(_connection, transaction, WriterSql.Sqlite, _recent, _profiles, _digests);
            foreach (var item in batch)
                outcomes.Add(writer.Write(item));
            writer.Finish();
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            _recent.Clear();
            _profiles.Clear();
            _digests.Clear();
            throw new StoreException(Path, Describe(e));
        }
        catch
        {
            _recent.Clear();
            _profiles.Clear();
            _digests.Clear();
            throw;
        }
        return outcomes;
    }

    /// <summary>
    /// SQLite without its locking on every call, for a process in which each connection is used
    /// by one thread at a time (SQLite's multi-thread mode), such as an ingest of records, where
    /// the writer's thread alone touches the store: in serialized mode every bind, step and column
    /// read takes the connection's mutex, and every allocation SQLite's memory-statistics mutex,
    /// about 4 % of an ingest's CPU. Process-wide, so it is SQLite's to allow only before its first
    /// connection: false (and nothing changed) when one was already opened.
    /// </summary>
    public static bool OneThreadPerConnection()
    {
        SQLitePCL.Batteries_V2.Init();
        // Both or neither: the statistics alone could be turned off later, but a caller that was
        // refused the threading mode gets the process as it found it.
        if (SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD) != SQLitePCL.raw.SQLITE_OK)
            return false;
        return SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0) == SQLitePCL.raw.SQLITE_OK;
    }

    /// <summary>
    /// Works out ahead what writing the document needs that is not the database's (each event's
    /// stored record and its checksum), so a reading thread can do it while the writer writes.
    /// Optional: a document not prepared is worked out when written.
    /// </summary>
    public static void Prepare(ExtractedDocument item)
    {
        foreach (var e in item.Events)
            PreparedRecords.Prepare(e);
    }

    /// <summary>
    /// <see cref="Prepare(ExtractedDocument)"/> for one record as it was read from a line of JSON
    /// (<paramref name="utf8"/> being the line's UTF-8): a line in the store's own form is kept as
    /// the stored record, instead of a second string of the same text.
    /// </summary>
    public static void Prepare(EventRecord record, string line, ReadOnlySpan<byte> utf8) =>
        PreparedRecords.Prepare(record, line, utf8);

    /// <summary>Why the store would refuse a document, or null when it can be stored.</summary>
    public static string? Problem(ExtractedDocument item)
    {
        var doc = item.Document;
        if (string.IsNullOrWhiteSpace(doc.Id))
            return "document has no id";
        if (string.IsNullOrEmpty(doc.ContentHash))
            return "document has no content hash";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in item.Events)
        {
            if (e.Doc != doc.Id)
                return $"event {e.Id} names document '{e.Doc}', not '{doc.Id}'";
            if (!ids.Add(e.Id))
                return $"event id {e.Id} appears twice";
            if (RecordProblem(e) is { } problem)
                return problem;
        }
        return null;
    }

    /// <summary>Why one event record is impossible (a latitude of 999, -5 killed), or null when it can be stored.</summary>
    public static string? RecordProblem(EventRecord e)
    {
        if (e.Date is not null && !DateOnly.TryParseExact(e.Date, "yyyy-MM-dd", out _))
            return $"event {e.Id} has date '{e.Date}', not yyyy-MM-dd";
        if (e.Killed < 0 || e.Injured < 0)
            return $"event {e.Id} has a negative casualty figure (killed {e.Killed}, injured {e.Injured})";
        if (e.AmountUsd is { } usd && (usd < 0 || !double.IsFinite(usd)))
            return $"event {e.Id} has amount_usd {usd}, not a positive amount";
        if (e.Confidence is < 0 or > 1 || double.IsNaN(e.Confidence))
            return $"event {e.Id} has confidence {e.Confidence}, not between 0 and 1";
        foreach (var p in e.Places)
        {
            if (p.Lat is { } lat && (!double.IsFinite(lat) || Math.Abs(lat) > 90))
                return $"event {e.Id}: place '{p.Name}' has latitude {lat}, outside -90..90";
            if (p.Lon is { } lon && (!double.IsFinite(lon) || Math.Abs(lon) > 180))
                return $"event {e.Id}: place '{p.Name}' has longitude {lon}, outside -180..180";
        }
        foreach (var w in e.Weapons)
            if (w.Launched < 0 || w.Intercepted < 0)
                return $"event {e.Id}: weapon {w.Model ?? EventJsonNames.Weapon(w.Class)} has a negative count";
        return null;
    }

    /// <summary>Foreign keys unchecked on this connection until disposed.</summary>
    private readonly struct ForeignKeysOff : IDisposable
    {
        private readonly SqliteConnection _connection;

        public ForeignKeysOff(SqliteConnection connection)
        {
            _connection = connection;
            Execute(connection, "PRAGMA foreign_keys = OFF");
        }

        public void Dispose() => Execute(_connection, "PRAGMA foreign_keys = ON");
    }

    // Records of recently written events by key, so summarizing an incident does not parse the
    // JSON of reports this process has just stored (an incident's reports are days apart, so
    // some weeks of events suffice and memory stays flat). Dropped whole when a write fails,
    // since a rolled-back key can be handed out again.
    private readonly Dictionary<long, EventRecord> _recent = [];

    // The clustering profiles of recently written events by key (see _recent), dropped with them.
    private readonly Dictionary<long, ClusterReport> _profiles = [];

    // What incident summaries read of events written before (EventDigest), by key; dropped with _recent.
    private readonly Dictionary<long, EventDigest> _digests = [];
}
