namespace Sitrep.Store.Postgres;

/// <summary>The statements of <see cref="PgQueue"/>; the table is at the end of Schema.sql.</summary>
internal static class QueueSql
{
    /// <summary>
    /// A document already stored with this content, or waiting with it, is not queued; a new
    /// version of a waiting one takes its place at the back with its claim voided, so a worker
    /// still extracting the old version stores nothing of it.
    /// </summary>
    public const string Enqueue = """
        INSERT INTO ingest_queue AS q (doc, path, text, published, source, url, title, content_hash)
        SELECT @doc, @path, @text, @published, @source, @url, @title, @hash
        WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = @doc AND content_hash = @hash)
        ON CONFLICT (doc) DO UPDATE SET
            path = excluded.path, text = excluded.text, published = excluded.published, source = excluded.source,
            url = excluded.url, title = excluded.title, content_hash = excluded.content_hash,
            seq = DEFAULT, queued_at = now(), claimed_by = NULL, claim = NULL, lease_until = NULL, attempts = 0, failed = NULL
        WHERE q.content_hash <> excluded.content_hash OR q.failed IS NOT NULL
        """;

    public const string Claim = """
        UPDATE ingest_queue q
        SET claimed_by = @worker, claim = @claim, lease_until = now() + make_interval(secs => @lease), attempts = q.attempts + 1
        FROM (SELECT doc, CASE WHEN claim IS NOT NULL THEN claimed_by END AS previous
              FROM ingest_queue
              WHERE failed IS NULL AND (claim IS NULL OR lease_until < now())
              ORDER BY seq
              LIMIT @count
              FOR UPDATE SKIP LOCKED) pick
        WHERE q.doc = pick.doc
        RETURNING q.seq, q.doc, q.path, q.text, q.published, q.source, q.url, q.title, q.content_hash, q.attempts, pick.previous
        """;

    // Renew and Held lock a claim's rows in the same order, so a renewal still under way when
    // the worker finishes waits for it instead of deadlocking with it.
    public const string Renew = """
        UPDATE ingest_queue SET lease_until = now() + make_interval(secs => @lease)
        WHERE claim = @claim AND doc IN (SELECT doc FROM ingest_queue WHERE claim = @claim ORDER BY doc FOR UPDATE)
        """;

    public const string Held = "SELECT doc FROM ingest_queue WHERE claim = @claim ORDER BY doc FOR UPDATE";

    public const string Done = "DELETE FROM ingest_queue WHERE claim = @claim AND doc = ANY(@docs)";

    public const string SetAside = """
        UPDATE ingest_queue SET failed = @problem, claimed_by = NULL, claim = NULL, lease_until = NULL
        WHERE claim = @claim AND doc = @doc
        """;

    public const string Counts = """
        SELECT count(*) FILTER (WHERE failed IS NULL AND claim IS NULL),
               count(*) FILTER (WHERE failed IS NULL AND claim IS NOT NULL),
               count(*) FILTER (WHERE failed IS NOT NULL)
        FROM ingest_queue
        """;
}
