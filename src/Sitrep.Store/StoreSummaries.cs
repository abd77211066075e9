using Microsoft.Data.Sqlite;
using Sitrep.Store.Query;

namespace Sitrep.Store;

/// <summary>
/// SQLite's narrow copies of what the incident listing and <c>stats</c> read (incident_listing,
/// stats_days and stats_day_weapons in Schema.sql, and stats_day_weapon_packs, which triggers keep
/// from stats_day_weapons for other writers and <see cref="Refresh"/> for this one). Both are written by the same SQL the readers
/// ran before, per incident and per day, so reading a copy gives what that SQL gives: the
/// listing's three look-ups of an incident's reports run once when the incident changes instead
/// of on every listing, and stats over a span of days sums a few rows a day instead of grouping
/// every incident and weapon row.
/// </summary>
internal static class StoreSummaries
{
    public static bool Exist(SqliteConnection connection)
    {
        using var command = Command(connection, null, $"SELECT count(*) FROM sqlite_master WHERE name IN ({string.Join(", ", Objects.Select(name => $"'{name}'"))})");
        return (long)command.ExecuteScalar()! == Objects.Length;
    }

    private static readonly string[] PackTriggers =
        ["stats_day_weapons_packed_insert", "stats_day_weapons_packed_delete", "stats_day_weapons_packed_update"];

    // A file with the first copies but not the packs (or not all their triggers) is built again whole.
    private static readonly string[] Objects =
        ["incident_listing", "stats_days", "stats_day_weapons", "stats_day_weapons_day", "stats_day_weapon_packs", .. PackTriggers];

    /// <summary>Adds the copies to a file made before them, filled from its incidents, in one transaction.</summary>
    public static void Build(SqliteConnection connection, string schema)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, schema);
        // Packs left from before (their triggers dropped with an older table) are not trusted.
        Execute(connection, transaction, "DELETE FROM incident_listing; DELETE FROM stats_days; DELETE FROM stats_day_weapons; DELETE FROM stats_day_weapon_packs;");
        Execute(connection, transaction, $"INSERT INTO incident_listing (incident, day, urls, titles, claims) SELECT i.id, coalesce(i.date_min, ''), {Listing} FROM incidents i");
        Execute(connection, transaction, Days("1 = 1"));
        transaction.Commit();
    }

    /// <summary>
    /// Brings the copies up to date with the incidents a batch changed (summarized again, merged
    /// away or deleted), in the batch's transaction: their listing rows, and the stats of every day
    /// they were counted under or are first dated on now.
    /// </summary>
    public static void Refresh(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<long> incidents)
    {
        if (incidents.Count == 0)
            return;
        var ids = "[" + string.Join(",", incidents) + "]";
        var days = new List<string>();
        using (var command = Command(connection, transaction, """
                   SELECT day FROM incident_listing WHERE incident IN (SELECT value FROM json_each($ids))
                   UNION SELECT coalesce(date_min, '') FROM incidents WHERE id IN (SELECT value FROM json_each($ids))
                   """))
        {
            command.Parameters.AddWithValue("$ids", ids);
            using var rows = command.ExecuteReader();
            while (rows.Read())
                days.Add(rows.GetString(0));
        }
        Execute(connection, transaction, $"""
            DELETE FROM incident_listing WHERE incident IN (SELECT value FROM json_each($ids));
            INSERT INTO incident_listing (incident, day, urls, titles, claims)
            SELECT i.id, coalesce(i.date_min, ''), {Listing} FROM incidents i WHERE i.id IN (SELECT value FROM json_each($ids));
            """, ("$ids", ids));
        var dayList = System.Text.Json.JsonSerializer.Serialize(days);
        // An undated incident's day is '': picked by its null date, so the date index is used either way.
        var picked = "i.date_min IN (SELECT value FROM json_each($days))" + (days.Contains("") ? " OR i.date_min IS NULL" : "");
        // The packs' triggers stand aside while their row is set (all in the batch's transaction,
        // so no reader or later writer ever sees it), and each day is packed once, as the
        // delete trigger packs it, instead of once per row written or deleted.
        Execute(connection, transaction, $"""
            INSERT INTO store_meta (key, value) VALUES ('{PacksByWriter}', '');
            DELETE FROM stats_days WHERE kind IN ('type', 'oblast') AND day IN (SELECT value FROM json_each($days));
            DELETE FROM stats_day_weapons WHERE day IN (SELECT value FROM json_each($days));
            {Days(picked)}
            DELETE FROM stats_day_weapon_packs WHERE day IN (SELECT value FROM json_each($days));
            INSERT INTO stats_day_weapon_packs (day, rows)
            SELECT d.value, (SELECT json_group_array(json_array(launched_by, claimant, weapon, incidents, launched, intercepted))
                             FROM (SELECT * FROM stats_day_weapons w WHERE w.day = d.value ORDER BY launched_by, claimant, weapon, rowid))
            FROM json_each($days) d WHERE EXISTS (SELECT 1 FROM stats_day_weapons w WHERE w.day = d.value);
            DELETE FROM store_meta WHERE key = '{PacksByWriter}';
            """, ("$days", dayList));
    }

    // The store_meta row that the packs' triggers (Schema.sql) wait on.
    private const string PacksByWriter = "stats_packs_by_writer";

    /// <summary>Whether the packs' triggers stand aside for the writer's row (files made before that pack every row).</summary>
    public static bool PacksWaitForWriter(SqliteConnection connection)
    {
        using var command = Command(connection, null,
            $"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({string.Join(", ", PackTriggers.Select(name => $"'{name}'"))}) AND instr(sql, '{PacksByWriter}') > 0");
        return (long)command.ExecuteScalar()! == PackTriggers.Length;
    }

    /// <summary>
    /// Replaces the packs' triggers of a file made before they waited for the writer's row. Those
    /// kept the packs equal to the rows, so the packs stay as they are.
    /// </summary>
    public static void MakePacksWaitForWriter(SqliteConnection connection, string schema)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, string.Concat(PackTriggers.Select(name => $"DROP TRIGGER IF EXISTS {name};")));
        Execute(connection, transaction, schema);
        transaction.Commit();
    }

    private static readonly string Listing = StoreReader.Sources(ReadDialect.Sqlite);

    /// <summary>The stats rows of the incidents <paramref name="picked"/> chooses, grouped by their first day.</summary>
    private static string Days(string picked) => $"""
        INSERT INTO stats_days (kind, day, key, incidents, reports, killed, injured)
        SELECT 'type', coalesce(i.date_min, '') AS day, i.type AS key, count(*), sum(i.report_count), sum(i.killed_best), sum(i.injured_best)
        FROM incidents i WHERE {picked} GROUP BY day, key;
        INSERT INTO stats_days (kind, day, key, incidents, reports, killed, injured)
        SELECT 'oblast', coalesce(i.date_min, '') AS day, coalesce(i.admin1, '(unknown)') AS key, count(*), sum(i.report_count), sum(i.killed_best), sum(i.injured_best)
        FROM incidents i WHERE {picked} GROUP BY day, key;
        INSERT INTO stats_day_weapons (day, launched_by, claimant, weapon, incidents, launched, intercepted)
        WITH picked AS (SELECT i.*, i.killed_best AS killed, i.injured_best AS injured FROM incidents i WHERE {picked})
        {Weapons};
        """;

    // The unfiltered tally of stats (no claimant: @claimant is bound to null), already one row per day.
    private static readonly string Weapons = new StatsSql(ReadDialect.Sqlite).Weapons;

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, string Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        if (sql.Contains("@claimant", StringComparison.Ordinal))
            command.Parameters.AddWithValue("@claimant", DBNull.Value);
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
