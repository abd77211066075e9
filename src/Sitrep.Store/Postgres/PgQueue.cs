using Npgsql;
using Sitrep.Documents;

namespace Sitrep.Store.Postgres;

/// <summary>A queued document a worker has claimed; <see cref="Previous"/> names the worker whose lease on it ran out, if any.</summary>
public sealed record ClaimedDocument(Document Document, int Attempts, string? Previous);

/// <summary>
/// What became of a worker's claimed batch: the outcome of each stored document (null: another
/// worker holds it now), how many claims were lost, how long the transaction waited for the
/// writers' lock and how long it then held it (the part of a write no other worker can overlap).
/// </summary>
public sealed record QueueFinish(IReadOnlyList<IngestOutcome?> Outcomes, int Lost, TimeSpan LockWait, TimeSpan LockHeld);

/// <summary>Documents waiting (queued or claimed by a live lease) and those set aside as failed.</summary>
public sealed record QueueCounts(long Queued, long Claimed, long Failed)
{
    public long Pending => Queued + Claimed;
}

/// <summary>
/// The work queue of a PostgreSQL event database (the <c>ingest_queue</c> table): <c>sitrep
/// ingest --queue</c> puts read reports in, any number of <c>sitrep worker</c> processes on any
/// number of machines take them out, extract them and store them.
/// <para>
/// A claim is a random token written on the rows with a lease. The worker's final transaction
/// locks the rows that still carry its token, stores those documents through
/// <see cref="PgEventStore.Write"/> and deletes the rows, all in one commit. So a document is
/// stored exactly once whatever dies when: a worker killed before the commit leaves its rows
/// claimed until the lease runs out and another worker claims them with a new token; a worker
/// that outlived its lease finds the token gone and stores nothing of it; a commit that lands
/// has removed the rows, so nobody can claim them again.
/// </para>
/// </summary>
public sealed class PgQueue : IDisposable
{
    /// <summary>Claims of one document before it is set aside: a report that kills every worker reading it must not kill them all forever.</summary>
    public const int MaxAttempts = 5;

    private readonly PgEventStore _store;
    private readonly string _connectionString;
    private readonly Lock _heartbeatLock = new();
    private NpgsqlConnection? _heartbeat;
    private volatile string? _claim;

    private PgQueue(PgEventStore store, string connectionString)
    {
        _store = store;
        _connectionString = connectionString;
    }

    /// <summary>Connects to the database a <c>postgres://</c> URI names, creating the schema (queue included) when it is new.</summary>
    /// <exception cref="StoreException">As <see cref="PgEventStore.Open"/>.</exception>
    public static PgQueue Open(string uri)
    {
        var connectionString = PgUri.ToConnectionString(uri);
        return new PgQueue(PgEventStore.Open(connectionString, PgUri.Redacted(uri)), connectionString);
    }

    /// <summary>The store the queue's documents go into, for the extractor's look at stored events.</summary>
    public PgEventStore Store => _store;

    public string Path => _store.Path;

    private NpgsqlConnection Connection => _store.Connection;

    /// <summary>
    /// Queues documents in one transaction; for each, whether it was queued. One already stored
    /// with the same content hash, or already waiting with it, is not queued again; a new
    /// version of a waiting one replaces it (and voids any claim on the old version); one set
    /// aside as failed is queued afresh.
    /// </summary>
    public IReadOnlyList<bool> Enqueue(IReadOnlyList<Document> documents)
    {
        return Guard(() =>
        {
            var queued = new List<bool>(documents.Count);
            using var transaction = Connection.BeginTransaction();
            foreach (var d in documents)
            {
                using var command = new NpgsqlCommand(QueueSql.Enqueue, Connection, transaction);
                command.Parameters.AddWithValue("doc", d.Id);
                command.Parameters.AddWithValue("path", d.Path);
                command.Parameters.AddWithValue("text", d.Text);
                command.Parameters.AddWithValue("published", (object?)d.Meta.Published?.ToString("yyyy-MM-dd") ?? DBNull.Value);
                command.Parameters.AddWithValue("source", (object?)d.Meta.Source ?? DBNull.Value);
                command.Parameters.AddWithValue("url", (object?)d.Meta.Url ?? DBNull.Value);
                command.Parameters.AddWithValue("title", (object?)d.Meta.Title ?? DBNull.Value);
                command.Parameters.AddWithValue("hash", d.ContentHash);
                queued.Add(command.ExecuteNonQuery() > 0);
            }
            transaction.Commit();
            return queued;
        });
    }

    /// <summary>
    /// Claims up to <paramref name="count"/> documents, oldest first: waiting ones and ones whose
    /// lease ran out. <c>FOR UPDATE SKIP LOCKED</c> lets workers claim at once without waiting on
    /// or taking each other's rows. The claim replaces this queue's previous one.
    /// </summary>
    /// <param name="worker">Who claims, as the table shows it (host and process).</param>
    public IReadOnlyList<ClaimedDocument> Claim(string worker, int count, TimeSpan lease)
    {
        var claim = Guid.NewGuid().ToString("N");
        var claimed = Guard(() =>
        {
            using var command = new NpgsqlCommand(QueueSql.Claim, Connection);
            command.Parameters.AddWithValue("worker", worker);
            command.Parameters.AddWithValue("claim", claim);
            command.Parameters.AddWithValue("lease", lease.TotalSeconds);
            command.Parameters.AddWithValue("count", count);
            var rows = new List<(long Seq, ClaimedDocument Document)>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var published = reader.IsDBNull(4) ? null : DocumentReader.ParsePublished(reader.GetString(4));
                var meta = new DocumentMeta(published, NullableString(reader, 5), NullableString(reader, 6), NullableString(reader, 7));
                var document = new Document(reader.GetString(1), reader.GetString(2), reader.GetString(3), meta, reader.GetString(8));
                rows.Add((reader.GetInt64(0), new ClaimedDocument(document, reader.GetInt32(9), NullableString(reader, 10))));
            }
            return rows.OrderBy(r => r.Seq).Select(r => r.Document).ToList();
        });
        _claim = claim;
        return claimed;
    }

    /// <summary>Moves the current claim's lease on, so a batch that takes long to extract is not taken over while it is worked on.</summary>
    public void Renew(TimeSpan lease)
    {
        if (_claim is not { } claim)
            return;
        lock (_heartbeatLock)
        {
            try
            {
                if (_heartbeat is null)
                {
                    _heartbeat = new NpgsqlConnection(_connectionString);
                    _heartbeat.Open();
                }
                using var command = new NpgsqlCommand(QueueSql.Renew, _heartbeat);
                command.Parameters.AddWithValue("claim", claim);
                command.Parameters.AddWithValue("lease", lease.TotalSeconds);
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // A missed renewal costs at most the claim (another worker redoes the batch), never
                // a document: drop the connection and try afresh next time.
                _heartbeat?.Dispose();
                _heartbeat = null;
            }
        }
    }

    /// <summary>
    /// Ends the current claim in one transaction: stores the extracted documents still claimed,
    /// removes their rows, and sets the failed ones aside with their problem. Rows another
    /// worker has claimed since (this lease ran out) are left to it.
    /// </summary>
    /// <param name="extracted">Documents with their events, as <see cref="IEventStore.Ingest"/> takes them.</param>
    /// <param name="failed">Document ids that could not be extracted, with the problem.</param>
    /// <exception cref="StoreException">The database failed; nothing is written and the claim stands until its lease runs out.</exception>
    public QueueFinish Finish(IReadOnlyList<ExtractedDocument> extracted, IReadOnlyDictionary<string, string> failed)
    {
        if (_claim is not { } claim)
            throw new InvalidOperationException("nothing is claimed");
        foreach (var item in extracted)
            if (EventStore.Problem(item) is { } problem)
                throw new ArgumentException($"{item.Document.Path}: {problem}", nameof(extracted));
        var finish = Guard(() =>
        {
            using var transaction = Connection.BeginTransaction();
            // Row locks first: from here no other worker can claim these rows, and a row whose
            // token is no longer ours is another worker's to store.
            var held = new HashSet<string>(StringComparer.Ordinal);
            using (var command = new NpgsqlCommand(QueueSql.Held, Connection, transaction))
            {
                command.Parameters.AddWithValue("claim", claim);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    held.Add(reader.GetString(0));
            }
            var mine = extracted.Where(e => held.Contains(e.Document.Id)).ToList();
            // The writers' lock is taken here once, to time the wait apart from the hold; Write
            // takes it again, which a transaction-scoped advisory lock allows.
            // Its wait has no time-out: with many workers the queue for the lock is the expected
            // bottleneck, and Npgsql's default 30 s would turn a long queue into failed workers.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using (var lockWriters = new NpgsqlCommand(PgSql.LockWriters, Connection, transaction) { CommandTimeout = 0 })
                lockWriters.ExecuteNonQuery();
            var wait = clock.Elapsed;
            var outcomes = mine.Count > 0 ? _store.Write(transaction, mine) : [];
            using (var done = new NpgsqlCommand(QueueSql.Done, Connection, transaction))
            {
                done.Parameters.AddWithValue("claim", claim);
                done.Parameters.AddWithValue("docs", mine.Select(m => m.Document.Id).ToArray());
                done.ExecuteNonQuery();
            }
            foreach (var (doc, problem) in failed.Where(f => held.Contains(f.Key)))
            {
                using var setAside = new NpgsqlCommand(QueueSql.SetAside, Connection, transaction);
                setAside.Parameters.AddWithValue("claim", claim);
                setAside.Parameters.AddWithValue("doc", doc);
                setAside.Parameters.AddWithValue("problem", problem);
                setAside.ExecuteNonQuery();
            }
            transaction.Commit();
            var hold = clock.Elapsed - wait;
            var byId = mine.Select((m, i) => (m.Document.Id, Outcome: outcomes[i])).ToDictionary(x => x.Id, x => x.Outcome, StringComparer.Ordinal);
            var lost = extracted.Count(e => !held.Contains(e.Document.Id)) + failed.Keys.Count(k => !held.Contains(k));
            return new QueueFinish(extracted.Select(e => byId.TryGetValue(e.Document.Id, out var o) ? o : (IngestOutcome?)null).ToList(), lost, wait, hold);
        });
        _claim = null;
        return finish;
    }

    public QueueCounts Counts() => Guard(() =>
    {
        using var command = new NpgsqlCommand(QueueSql.Counts, Connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new QueueCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    });

    public void Dispose()
    {
        lock (_heartbeatLock)
            _heartbeat?.Dispose();
        _store.Dispose();
    }

    private static string? NullableString(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (NpgsqlException e)
        {
            throw new StoreException(Path, PgEventStore.Describe(e));
        }
    }
}
