using System.Collections;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Sitrep.Events;
using SQLitePCL;

namespace Sitrep.Store.Query;

/// <summary>
/// Events read from SQLite by their stored record (columns as <see cref="StoreReader"/> selects
/// them: record, record_sum, doc, id), through SQLite's C interface: each record is checked and
/// parsed from its UTF-8 bytes where SQLite holds them. Through the provider's reader a row cost
/// a copy of the record into a new array and a string of its sum, and its calls took a third of
/// a month of strikes' full rows (stop 28).
/// </summary>
internal static class StoredRecords
{
    /// <summary>The events of <paramref name="sql"/> run with <paramref name="parameters"/> (bound as Dapper binds them), prepared when the first row is asked for.</summary>
    /// <exception cref="CorruptRecordException">A record no longer matches its checksum.</exception>
    /// <exception cref="SqliteException">SQLite refused the statement (a bad full-text expression among others).</exception>
    public static IEnumerable<EventRecord> Read(SqliteConnection connection, string sql, DynamicParameters parameters)
    {
        var (text, values) = Expanded(sql, parameters);
        if (raw.sqlite3_prepare_v2(connection.Handle, text, out var statement) is var prepared and not raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(prepared, connection.Handle);
        }
        using (statement)
        {
            foreach (var (name, value) in values)
                Bind(connection, statement, name, value);
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                yield return Event(statement);
            if (rc != raw.SQLITE_DONE)
                SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

    private static EventRecord Event(sqlite3_stmt row)
    {
        // Both spans are SQLite's until the next step; the record is parsed before it.
        var record = raw.sqlite3_column_blob(row, 0);
        // The document and event are named only in an error: not read as strings for every row.
        if (!RecordChecksum.Holds(record, raw.sqlite3_column_blob(row, 1)))
            throw new CorruptRecordException(Text(row, 2), Text(row, 3));
        return EventJson.Deserialize(record) ?? Parsed(null, Text(row, 2), Text(row, 3));
    }

    private static string Text(sqlite3_stmt row, int column) => raw.sqlite3_column_text(row, column).utf8_to_string();

    /// <summary>The event a checked record held; JSON null is not an event.</summary>
    public static EventRecord Parsed(EventRecord? record, string doc, string id) =>
        record ?? throw new InvalidDataException($"event {id} of document {doc}: empty record");

    /// <summary>
    /// The statement and its values as Dapper makes them: a list parameter <c>@p</c> becomes
    /// <c>(@p1,@p2,…)</c>, one value each, and an empty list <c>(SELECT @p WHERE 1 = 0)</c> with
    /// <c>@p</c> null, so SQLite sees the text and values the provider's command gave it.
    /// </summary>
    internal static (string Sql, List<(string Name, object? Value)> Values) Expanded(string sql, DynamicParameters parameters)
    {
        var values = new List<(string, object?)>();
        foreach (var name in parameters.ParameterNames)
        {
            var value = parameters.Get<object?>(name);
            if (value is string or not IEnumerable)
            {
                values.Add(("@" + name, value));
                continue;
            }
            var items = ((IEnumerable)value).Cast<object?>().ToList();
            var token = new Regex("([?@:$]" + Regex.Escape(name) + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            sql = token.Replace(sql, match => items.Count == 0
                ? $"(SELECT {match.Groups[1].Value} WHERE 1 = 0)"
                : "(" + string.Join(",", items.Select((_, i) => match.Groups[1].Value + (i + 1))) + ")");
            if (items.Count == 0)
                values.Add(("@" + name, null));
            for (var i = 0; i < items.Count; i++)
                values.Add(("@" + name + (i + 1), items[i]));
        }
        return (sql, values);
    }

    private static void Bind(SqliteConnection connection, sqlite3_stmt statement, string name, object? value)
    {
        // A value the statement does not use is left out, as the provider leaves it.
        var position = raw.sqlite3_bind_parameter_index(statement, name);
        if (position == 0)
            return;
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, position),
            string text => raw.sqlite3_bind_text(statement, position, text),
            long or int => raw.sqlite3_bind_int64(statement, position, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
            double d => raw.sqlite3_bind_double(statement, position, d),
            _ => throw new ArgumentException($"no SQLite binding for a {value.GetType().Name} ({name})"),
        };
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }
}
