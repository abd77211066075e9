namespace Sitrep.Store;

/// <summary>
/// The writing side of an event database, which SQLite (<see cref="EventStore"/>) and PostgreSQL
/// (<see cref="Postgres.PgEventStore"/>) both are: the same documents give the same stored
/// documents, events and incidents in either.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>The database as a user named it (a PostgreSQL password left out), for messages.</summary>
    string Path { get; }

    /// <summary>
    /// Stores documents with their events in one transaction: a document already stored with
    /// the same content hash is left as it is; one stored with another hash has its events
    /// replaced. Each new event joins an incident (or starts one).
    /// </summary>
    /// <exception cref="ArgumentException">A document's events are inconsistent (see <see cref="EventStore.Problem"/>); nothing is written.</exception>
    /// <exception cref="StoreException">The database failed; nothing of this call is written.</exception>
    IReadOnlyList<IngestOutcome> Ingest(IReadOnlyList<ExtractedDocument> batch);

    /// <summary>Every stored document's content hash by id, so a caller can skip known reports before extracting them.</summary>
    Dictionary<string, string> DocumentHashes();

    /// <summary>Whether a document with this id and content is already stored.</summary>
    bool Contains(string documentId, string contentHash);

    /// <summary>The stored events dated from <paramref name="from"/> to <paramref name="to"/>: what the extractor's run prior reads of earlier runs.</summary>
    IEnumerable<Sitrep.Events.EventRecord> EventsBetween(DateOnly from, DateOnly to);
}

/// <summary>Opens the store a <c>--db</c> value names: a <c>postgres://</c> URI or an SQLite file.</summary>
public static class EventStores
{
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="StoreException">The database cannot be opened or is not a Sitrep database.</exception>
    public static IEventStore OpenForWriting(string db) =>
        IsPostgres(db) ? Postgres.PgEventStore.Open(Postgres.PgUri.ToConnectionString(db), Postgres.PgUri.Redacted(db)) : EventStore.Open(db);

    /// <summary>Opens an existing store for the verbs that only read it: a PostgreSQL database is not created, an SQLite file is opened read-only.</summary>
    /// <exception cref="StoreException">There is no Sitrep database there, or it cannot be opened.</exception>
    public static IEventReader OpenForReading(string db) =>
        IsPostgres(db) ? Postgres.PgEventStore.OpenExisting(Postgres.PgUri.ToConnectionString(db), Postgres.PgUri.Redacted(db)) : EventStore.OpenReadOnly(db);
}
