namespace Sitrep.Store.Postgres;

/// <summary>The statements PostgreSQL runs in its own syntax; the rest are <see cref="Sql.StoreSql"/>'s (see <see cref="Sql.WriterSql"/>).</summary>
internal static class PgSql
{
    public const string SetMember = """
        INSERT INTO incident_members (event, incident) VALUES ($event, $incident)
        ON CONFLICT (event) DO UPDATE SET incident = excluded.incident
        """;

    public const string RecordMerge = """
        INSERT INTO incident_merges (id, merged_into, at) VALUES ($id, $into, $at)
        ON CONFLICT (id) DO UPDATE SET merged_into = excluded.merged_into, at = excluded.at
        """;

    /// <summary>1 when event_weapons carries its event's fields (the last of them added), else 0.</summary>
    public const string WeaponColumns = """
        SELECT count(*) FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'event_weapons' AND column_name = 'claimed_by'
        """;

    public const string InsertEvidence = "INSERT INTO evidence (event, text) VALUES ($event, $text)";

    public const string DeleteEvent = """
        DELETE FROM incident_members WHERE event = $event;
        DELETE FROM event_cluster WHERE event = $event;
        DELETE FROM event_places WHERE event = $event;
        DELETE FROM event_weapons WHERE event = $event;
        DELETE FROM evidence WHERE event = $event;
        DELETE FROM events WHERE key = $event;
        """;

    /// <summary>
    /// Every writer of one database takes this transaction-scoped advisory lock before it reads
    /// anything, so writes of several processes are serialized (see <see cref="PgEventStore.Ingest"/>).
    /// </summary>
    public const string LockWriters = "SELECT pg_advisory_xact_lock(73910001)";

    /// <summary>Creating the schema twice at once races on the catalog: the first process to start does it, the others wait.</summary>
    public const string LockSchema = "SELECT pg_advisory_xact_lock(73910002)";

    public const string TableCount = "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()";

    public const string HasMeta = "SELECT to_regclass('store_meta') IS NOT NULL";

    public const string SchemaVersion = "SELECT value FROM store_meta WHERE key = 'schema_version'";

    public const string DocumentHash = "SELECT content_hash FROM documents WHERE id = @id";

    public const string EventsBetween = "SELECT record, record_sum, doc, id FROM events WHERE date BETWEEN @from AND @to ORDER BY date, key";

    public const string DocumentHashes = "SELECT id, content_hash FROM documents";
}
