using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sitrep.Store.Sql;

/// <summary>
/// One prepared SQLite statement run through SQLite's C interface: parameters bound by the
/// position their names were given in, found once when prepared. The writer runs a few
/// statements a hundred thousand times each, and the provider's command looks up and converts
/// every parameter name on every run.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _positions;

    public RawStatement(SqliteConnection connection, string sql, IReadOnlyList<string> names)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
        _positions = new int[names.Count];
        for (var i = 0; i < names.Count; i++)
            _positions[i] = raw.sqlite3_bind_parameter_index(_statement, names[i]);
    }

    /// <summary>Whether the text is one statement (SQLite prepares only the first of several).</summary>
    public static bool Single(string sql) => sql.TrimEnd().TrimEnd(';').IndexOf(';') < 0;

    /// <summary>Runs the statement with these values; returns the first column of its first row, if it returns rows.</summary>
    public object? Execute(object?[] values)
    {
        try
        {
            for (var i = 0; i < values.Length; i++)
                Bind(_positions[i], values[i]);
            var rc = raw.sqlite3_step(_statement);
            object? result = null;
            if (rc == raw.SQLITE_ROW)
            {
                result = raw.sqlite3_column_type(_statement, 0) switch
                {
                    raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_statement, 0),
                    raw.SQLITE_FLOAT => raw.sqlite3_column_double(_statement, 0),
                    raw.SQLITE_NULL => null,
                    _ => raw.sqlite3_column_text(_statement, 0).utf8_to_string(),
                };
                rc = raw.sqlite3_step(_statement);
                while (rc == raw.SQLITE_ROW)
                    rc = raw.sqlite3_step(_statement);
            }
            if (rc != raw.SQLITE_DONE)
                Check(rc);
            return result;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private void Bind(int position, object? value)
    {
        if (position == 0)
            return;
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, position),
            string text => raw.sqlite3_bind_text(_statement, position, text),
            long n => raw.sqlite3_bind_int64(_statement, position, n),
            int n => raw.sqlite3_bind_int64(_statement, position, n),
            double d => raw.sqlite3_bind_double(_statement, position, d),
            bool b => raw.sqlite3_bind_int64(_statement, position, b ? 1 : 0),
            _ => throw new ArgumentException($"no SQLite binding for a {value.GetType().Name}"),
        };
        Check(rc);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }

    public void Dispose() => _statement.Dispose();
}
