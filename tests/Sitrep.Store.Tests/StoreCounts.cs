using Dapper;

namespace Sitrep.Store.Tests;

/// <summary>Row counts and orphan checks read straight from the tables.</summary>
internal static class StoreCounts
{
    public static long Count(this EventStore store, string table) =>
        store.Connection.ExecuteScalar<long>($"SELECT count(*) FROM {table}");

    /// <summary>Rows that hang off nothing: the signature of a half-written or half-deleted document.</summary>
    public static long Orphans(this EventStore store) => store.Connection.ExecuteScalar<long>("""
        SELECT
          (SELECT count(*) FROM events WHERE doc NOT IN (SELECT id FROM documents))
        + (SELECT count(*) FROM event_places WHERE event NOT IN (SELECT key FROM events))
        + (SELECT count(*) FROM event_weapons WHERE event NOT IN (SELECT key FROM events))
        + (SELECT count(*) FROM evidence WHERE rowid NOT IN (SELECT key FROM events))
        + (SELECT count(*) FROM incident_members WHERE event NOT IN (SELECT key FROM events))
        + (SELECT count(*) FROM incidents WHERE id NOT IN (SELECT incident FROM incident_members))
        + (SELECT count(*) FROM events WHERE key NOT IN (SELECT event FROM incident_members))
        + (SELECT count(*) FROM documents d WHERE event_count <> (SELECT count(*) FROM events e WHERE e.doc = d.id))
        """);
}
