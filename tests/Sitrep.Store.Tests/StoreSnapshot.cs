using Dapper;
using Microsoft.Data.Sqlite;

namespace Sitrep.Store.Tests;

/// <summary>A database's contents in a form two runs can be compared by, read-only.</summary>
internal static class StoreSnapshot
{
    /// <summary>Every document with its hash and its events' ids and records, in a comparable form.</summary>
    public static List<string> Contents(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.Query<string>("""
            SELECT d.id || ' ' || d.content_hash || ' ' || d.event_count || ' ' ||
                   coalesce((SELECT group_concat(e.id || '=' || e.record, ' | ') FROM (SELECT * FROM events WHERE doc = d.id ORDER BY id) e), '')
            FROM documents d ORDER BY d.id
            """).ToList();
    }

    /// <summary>The incidents as sets of event ids: row ids may differ between runs, the grouping may not.</summary>
    public static List<string> Incidents(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.Query<string>("""
            SELECT group_concat(id, ' ') FROM (
                SELECT m.incident AS incident, e.id AS id FROM incident_members m JOIN events e ON e.key = m.event ORDER BY e.id)
            GROUP BY incident
            """).Order(StringComparer.Ordinal).ToList();
    }
}
