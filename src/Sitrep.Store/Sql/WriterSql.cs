using System.Text.RegularExpressions;
using Sitrep.Store.Postgres;

namespace Sitrep.Store.Sql;

/// <summary>
/// The writer's statements in one store's dialect. They are written once, for SQLite, in
/// <see cref="StoreSql"/>; PostgreSQL takes them with its parameter marker and replaces the few
/// that use SQLite-only syntax (INSERT OR REPLACE, the FTS5 rowid).
/// </summary>
internal sealed partial class WriterSql
{
    private readonly IReadOnlyDictionary<string, string> _replaced;
    private readonly bool _atMarkers;

    private WriterSql(bool atMarkers, IReadOnlyDictionary<string, string> replaced)
    {
        _atMarkers = atMarkers;
        _replaced = replaced;
    }

    public static readonly WriterSql Sqlite = new(false, new Dictionary<string, string>
    {
        [StoreSql.InsertEvent] = StoreSql.InsertEventRow,
    });

    public static readonly WriterSql Postgres = new(true, new Dictionary<string, string>
    {
        [StoreSql.SetMember] = PgSql.SetMember,
        [StoreSql.RecordMerge] = PgSql.RecordMerge,
        [StoreSql.InsertEvidence] = PgSql.InsertEvidence,
        [StoreSql.DeleteEvent] = PgSql.DeleteEvent,
    });

    /// <summary>The statement as this store runs it.</summary>
    public string Statement(string sqlite)
    {
        var sql = _replaced.TryGetValue(sqlite, out var own) ? own : sqlite;
        return _atMarkers ? Marker().Replace(sql, "@$1") : sql;
    }

    /// <summary>The name a parameter written <c>$name</c> is bound by.</summary>
    public string Parameter(string name) => _atMarkers ? name.TrimStart('$') : name;

    [GeneratedRegex(@"\$([a-z_0-9]+)")]
    private static partial Regex Marker();
}
