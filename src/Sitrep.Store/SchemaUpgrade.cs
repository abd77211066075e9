using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Store.Sql;

namespace Sitrep.Store;

/// <summary>
/// Upgrades a database of the schema before this one in place. Schema 1 lacks the record
/// checksums, the clustering profiles, the per-claimant figures and the analyst views, and its
/// full-text index is contentless (unreadable by SQLite 3.40); its incidents came from the old
/// clustering rule. The documents and the events' full records are all it holds that cannot be
/// derived, so the upgrade reads those, rebuilds every table from them with the ingest code, and
/// clusters again, in one transaction: a failure leaves the file as it was.
/// </summary>
internal static partial class SchemaUpgrade
{
    public const int FromVersion = 1;

    public static void Run(SqliteConnection connection, string schema)
    {
        using var transaction = connection.BeginTransaction();
        var records = new Dictionary<string, List<EventRecord>>(StringComparer.Ordinal);
        using (var command = Command(connection, transaction, "SELECT doc, record FROM events ORDER BY key"))
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                var record = EventJson.Deserialize(rows.GetString(1))
                    ?? throw new InvalidDataException($"an event record of document {rows.GetString(0)} is not an event");
                if (!records.TryGetValue(rows.GetString(0), out var list))
                    records[rows.GetString(0)] = list = [];
                list.Add(record);
            }
        }
        var documents = new List<(ExtractedDocument Item, string IngestedAt)>();
        using (var command = Command(connection, transaction,
                   "SELECT id, path, source, url, title, published, content_hash, ingested_at FROM documents ORDER BY rowid"))
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                string? Text(int i) => rows.IsDBNull(i) ? null : rows.GetString(i);
                var published = Text(5) is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
                var document = new Document(rows.GetString(0), rows.GetString(1), "", new DocumentMeta(published, Text(2), Text(3), Text(4)), rows.GetString(6));
                documents.Add((new ExtractedDocument(document, records.GetValueOrDefault(document.Id) ?? []), rows.GetString(7)));
            }
        }

        // Tables go in any order, their references checked only at commit, when all are rebuilt;
        // virtual tables first, since dropping one drops its shadow tables with it.
        Execute(connection, transaction, "PRAGMA defer_foreign_keys = ON");
        var objects = new List<(string Type, string Name)>();
        using (var command = Command(connection, transaction,
                   "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY sql LIKE 'CREATE VIRTUAL%' DESC"))
        using (var rows = command.ExecuteReader())
            while (rows.Read())
                objects.Add((rows.GetString(0), rows.GetString(1)));
        foreach (var (type, name) in objects)
            Execute(connection, transaction, $"DROP {type.ToUpperInvariant()} IF EXISTS \"{name}\"");
        Execute(connection, transaction, schema);

        using (var writer = new StoreWriter(connection, transaction, WriterSql.Sqlite, []))
        {
            foreach (var (item, _) in documents)
                writer.Write(item);
            writer.Finish();
        }
        foreach (var (item, at) in documents)
        {
            using var keep = Command(connection, transaction, "UPDATE documents SET ingested_at = $at WHERE id = $id");
            keep.Parameters.AddWithValue("$at", at);
            keep.Parameters.AddWithValue("$id", item.Document.Id);
            keep.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>
    /// Adds the R*Tree of places to a schema-2 file made before it, filled from the stored
    /// places, in one transaction with the rest of the schema's new objects (its triggers).
    /// </summary>
    public static void AddPlaceTree(SqliteConnection connection, string schema)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, schema);
        Execute(connection, transaction, Sitrep.Store.Query.PlaceTree.Fill);
        transaction.Commit();
    }

    /// <summary>Whether event_weapons carries its event's type, actors and claimant (see Schema.sql).</summary>
    public static bool HasWeaponColumns(SqliteConnection connection)
    {
        using var command = Command(connection, null, "SELECT count(*) FROM pragma_table_info('event_weapons') WHERE name = 'claimed_by'");
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    /// <summary>
    /// Adds those columns to a schema-2 file made before them and fills them from the events, in
    /// one transaction, so no reader ever sees a weapon row without its event's fields.
    /// </summary>
    public static void AddWeaponColumns(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, """
            ALTER TABLE event_weapons ADD COLUMN type TEXT;
            ALTER TABLE event_weapons ADD COLUMN actor TEXT;
            ALTER TABLE event_weapons ADD COLUMN target_actor TEXT;
            ALTER TABLE event_weapons ADD COLUMN claimed_by TEXT;
            UPDATE event_weapons SET (type, actor, target_actor, claimed_by) =
                (SELECT e.type, e.actor, e.target_actor, e.claimed_by FROM events e WHERE e.key = event_weapons.event);
            """);
        transaction.Commit();
    }

    /// <summary>Whether the file lacks a table, index, trigger or view the schema creates (a file made before they were added).</summary>
    public static bool Incomplete(SqliteConnection connection, string schema)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = Command(connection, null, "SELECT name FROM sqlite_master"))
        using (var rows = command.ExecuteReader())
            while (rows.Read())
                present.Add(rows.GetString(0));
        return Created().Matches(schema).Any(m => !present.Contains(m.Groups[1].Value));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"CREATE (?:VIRTUAL TABLE|TABLE|INDEX|TRIGGER|VIEW) IF NOT EXISTS (\w+)")]
    private static partial System.Text.RegularExpressions.Regex Created();

    // Each command disposed by its caller: one left to the garbage collector has its statements
    // finalized on the finalizer's thread, which without SQLite's connection mutex (records
    // ingest's multi-thread mode) races the writer on the same connection.
    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
