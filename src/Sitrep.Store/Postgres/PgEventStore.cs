using System.Reflection;
using Npgsql;
using Sitrep.Events;
using Sitrep.Store.Incidents;
using Sitrep.Store.Sql;

namespace Sitrep.Store.Postgres;

/// <summary>
/// The event database on a PostgreSQL server, which several processes on several machines can
/// write at once. The tables are the SQLite store's (Schema.sql beside this file) and the writer
/// is the same <see cref="StoreWriter"/>, so the same documents give the same stored documents,
/// events and incidents; the reading side is PgEventStore.Query.cs beside this file.
/// </summary>
public sealed partial class PgEventStore : IEventStore
{
    private readonly NpgsqlConnection _connection;
    // As in the SQLite store: records of recently written events by key. Keys come from an
    // identity column and are never handed out twice, so another process's writes cannot make
    // an entry wrong; an entry whose event was deleted is simply never asked for again.
    private readonly Dictionary<long, EventRecord> _recent = [];
    // What incident summaries read of events written before (EventDigest), by key; dropped with _recent.
    private readonly Dictionary<long, EventDigest> _digests = [];

    private PgEventStore(NpgsqlConnection connection, string name)
    {
        _connection = connection;
        Path = name;
    }

    public string Path { get; }

    internal NpgsqlConnection Connection => _connection;

    /// <summary>Connects, creating the schema when the database has no tables yet.</summary>
    /// <param name="connectionString">Npgsql's keyword form (see <see cref="PgUri.ToConnectionString"/>).</param>
    /// <param name="name">How messages name the database (no password).</param>
    /// <exception cref="StoreException">The server cannot be reached, refuses the login, or holds something other than a Sitrep database.</exception>
    public static PgEventStore Open(string connectionString, string name) =>
        Connect(connectionString, name, (connection, transaction) =>
        {
            Execute(connection, transaction, PgSql.LockSchema);
            CheckVersion(connection, transaction, name);
            Execute(connection, transaction, Schema.Value);
        });

    /// <summary>Connects and runs <paramref name="prepare"/> in a transaction; any failure closes the connection and names the database.</summary>
    private static PgEventStore Connect(string connectionString, string name, Action<NpgsqlConnection, NpgsqlTransaction> prepare)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using (var transaction = connection.BeginTransaction())
            {
                prepare(connection, transaction);
                transaction.Commit();
            }
            return new PgEventStore(connection, name);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            connection?.Dispose();
            throw new StoreException(name, Describe(e));
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>The server's or the client's error, said without a stack of wrappers.</summary>
    public static string Describe(Exception e) => e switch
    {
        PostgresException p => $"PostgreSQL error {p.SqlState}: {p.MessageText}",
        NpgsqlException { InnerException: { } inner } n when n is not PostgresException => $"{n.Message} ({inner.Message})",
        _ => e.Message,
    };

    public void Dispose() => _connection.Dispose();

    /// <inheritdoc />
    /// <remarks>
    /// Writers are serialized by a transaction-scoped advisory lock taken before the first read.
    /// Clustering reads every report of some days, regroups them and rewrites their memberships;
    /// two writers doing that at once on overlapping days would each group without the other's
    /// new reports and the later commit would win with a grouping that is no single-process
    /// run's. Under the lock each writer sees all earlier commits (READ COMMITTED takes a new
    /// snapshot per statement) and the grouping, which depends only on the set of reports, is
    /// the one a single process would reach. The lock also settles two workers storing the
    /// same document at once: the second finds it stored and leaves it. What runs in parallel
    /// is the expensive part, reading and extracting reports; a write is a few milliseconds.
    /// </remarks>
    public IReadOnlyList<IngestOutcome> Ingest(IReadOnlyList<ExtractedDocument> batch)
    {
        foreach (var item in batch)
            if (EventStore.Problem(item) is { } problem)
                throw new ArgumentException($"{item.Document.Path}: {problem}", nameof(batch));
        try
        {
            using var transaction = _connection.BeginTransaction();
            var outcomes = Write(transaction, batch);
            transaction.Commit();
            return outcomes;
        }
        catch (NpgsqlException e)
        {
            _recent.Clear();
            _digests.Clear();
            throw new StoreException(Path, Describe(e));
        }
        catch
        {
            _recent.Clear();
            _digests.Clear();
            throw;
        }
    }

    /// <summary>Writes the documents inside the caller's transaction, under the writers' lock.</summary>
    internal IReadOnlyList<IngestOutcome> Write(NpgsqlTransaction transaction, IReadOnlyList<ExtractedDocument> batch)
    {
        Execute(_connection, transaction, PgSql.LockWriters);
        var outcomes = new List<IngestOutcome>(batch.Count);
        using var writer = new StoreWriter(_connection, transaction, WriterSql.Postgres, _recent, digests: _digests);
        foreach (var item in batch)
            outcomes.Add(writer.Write(item));
        writer.Finish();
        return outcomes;
    }

    public Dictionary<string, string> DocumentHashes()
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = new NpgsqlCommand(PgSql.DocumentHashes, _connection);
        using var rows = command.ExecuteReader();
        while (rows.Read())
            hashes[rows.GetString(0)] = rows.GetString(1);
        return hashes;
    }

    public bool Contains(string documentId, string contentHash)
    {
        using var command = new NpgsqlCommand(PgSql.DocumentHash, _connection);
        command.Parameters.AddWithValue("id", documentId);
        return command.ExecuteScalar() is string stored && stored == contentHash;
    }

    /// <inheritdoc />
    public IEnumerable<EventRecord> EventsBetween(DateOnly from, DateOnly to)
    {
        using var command = new NpgsqlCommand(PgSql.EventsBetween, _connection);
        command.Parameters.AddWithValue("from", from.ToString("yyyy-MM-dd"));
        command.Parameters.AddWithValue("to", to.ToString("yyyy-MM-dd"));
        var records = new List<EventRecord>();
        using (var rows = command.ExecuteReader())
            while (rows.Read())
                records.Add(EventJson.Deserialize(RecordChecksum.Verified(rows.GetString(0), rows.GetString(1), rows.GetString(2), rows.GetString(3)))
                    ?? throw new InvalidDataException($"event {rows.GetString(3)} of document {rows.GetString(2)}: empty record"));
        return records;
    }

    /// <summary>Refuses a database that holds other tables, or Sitrep's of another schema version; an empty one is new.</summary>
    private static void CheckVersion(NpgsqlConnection connection, NpgsqlTransaction transaction, string name)
    {
        if (Convert.ToInt64(Scalar(connection, transaction, PgSql.TableCount)) == 0)
            return;
        if (Scalar(connection, transaction, PgSql.HasMeta) is not true)
            throw new StoreException(name, "not a Sitrep database (its schema holds tables, none of them Sitrep's)");
        var value = Scalar(connection, transaction, PgSql.SchemaVersion);
        if (value is not string text || text != EventStore.SchemaVersion.ToString())
            throw new StoreException(name, $"made by another version of Sitrep (schema {value ?? "unknown"}, this one reads {EventStore.SchemaVersion}); ingest the reports into a new database");
    }

    private static readonly Lazy<string> Schema = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sitrep.Store.Postgres.Schema.sql")
            ?? throw new InvalidOperationException("Postgres/Schema.sql is not embedded in Sitrep.Store.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    internal static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        return command.ExecuteScalar();
    }
}
