using System.Text;
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

    /// <summary>The rows of the statement run with these values, read as a data reader's; disposing them resets the statement.</summary>
    public IRows Query(object?[] values)
    {
        try
        {
            for (var i = 0; i < values.Length; i++)
                Bind(_positions[i], values[i]);
        }
        catch
        {
            raw.sqlite3_reset(_statement);
            throw;
        }
        return _rows ??= new Rows(this);
    }

    private Rows? _rows;

    // One per statement, reused by every query: the writer reads an incident's members, an
    // event's record or a window of reports many thousand times a batch.
    private sealed class Rows(RawStatement owner) : IRows
    {
        private readonly sqlite3_stmt _statement = owner._statement;

        public bool Read()
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW)
                return true;
            if (rc != raw.SQLITE_DONE)
                owner.Check(rc);
            return false;
        }

        public bool IsDBNull(int ordinal) => raw.sqlite3_column_type(_statement, ordinal) == raw.SQLITE_NULL;
        public long GetInt64(int ordinal) => raw.sqlite3_column_int64(_statement, ordinal);
        public int GetInt32(int ordinal) => (int)raw.sqlite3_column_int64(_statement, ordinal);
        public double GetDouble(int ordinal) => raw.sqlite3_column_double(_statement, ordinal);
        public string GetString(int ordinal) => raw.sqlite3_column_text(_statement, ordinal).utf8_to_string();
        public void Dispose() => raw.sqlite3_reset(_statement);
    }

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

    /// <summary>
    /// Runs an INSERT of one row: the key its RETURNING clause gives, or without one the rowid
    /// SQLite gave the row (the connection's last inserted rowid, which a trigger's own inserts
    /// leave as it was).
    /// </summary>
    public long Key(object?[] values)
    {
        var returned = Execute(values);
        if (returned is long key)
            return key;
        if (returned is not null || raw.sqlite3_column_count(_statement) != 0)
            throw new InvalidOperationException("the statement returned no integer key");
        return raw.sqlite3_last_insert_rowid(_connection.Handle);
    }

    /// <summary>
    /// Binds the value of the parameter named <paramref name="slot"/>-th when prepared. With
    /// <see cref="Run"/> or <see cref="Inserted"/>, a row goes to SQLite without an array of
    /// boxed values or a look at each value's type: the writer's rows are a few hundred
    /// thousand values a batch.
    /// </summary>
    public RawStatement Bind(int slot, string? value)
    {
        if (_positions[slot] is var position and not 0)
            Check(value is null ? raw.sqlite3_bind_null(_statement, position) : BindText(position, value));
        return this;
    }

    /// <inheritdoc cref="Bind(int, string?)"/>
    public RawStatement Bind(int slot, long? value)
    {
        if (_positions[slot] is var position and not 0)
            Check(value is { } n ? raw.sqlite3_bind_int64(_statement, position, n) : raw.sqlite3_bind_null(_statement, position));
        return this;
    }

    /// <inheritdoc cref="Bind(int, string?)"/>
    public RawStatement Bind(int slot, double? value)
    {
        if (_positions[slot] is var position and not 0)
            Check(value is { } d ? raw.sqlite3_bind_double(_statement, position, d) : raw.sqlite3_bind_null(_statement, position));
        return this;
    }

    /// <summary>Runs a statement that returns no rows with the values bound by slot, and resets it.</summary>
    public void Run()
    {
        try
        {
            Check(raw.sqlite3_step(_statement));
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary><see cref="Run"/> for an INSERT of one row without RETURNING: the rowid SQLite gave the row (see <see cref="Key"/>).</summary>
    public long Inserted()
    {
        Run();
        return raw.sqlite3_last_insert_rowid(_connection.Handle);
    }

    private void Bind(int position, object? value)
    {
        if (position == 0)
            return;
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, position),
            string text => BindText(position, text),
            long n => raw.sqlite3_bind_int64(_statement, position, n),
            int n => raw.sqlite3_bind_int64(_statement, position, n),
            double d => raw.sqlite3_bind_double(_statement, position, d),
            bool b => raw.sqlite3_bind_int64(_statement, position, b ? 1 : 0),
            _ => throw new ArgumentException($"no SQLite binding for a {value.GetType().Name}"),
        };
        Check(rc);
    }

    // Text goes through one buffer kept with the statement: the binding that takes a string
    // makes a new UTF-8 array of every value, a record's JSON included.
    private byte[] _utf8 = new byte[4096];

    private int BindText(int position, string text)
    {
        // An empty span is bound from a null pointer, which SQLite would take for NULL.
        if (text.Length == 0)
            return raw.sqlite3_bind_text(_statement, position, text);
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > _utf8.Length)
            _utf8 = new byte[Math.Max(most, 2 * _utf8.Length)];
        var length = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(_statement, position, _utf8.AsSpan(0, length));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }

    public void Dispose() => _statement.Dispose();
}

/// <summary>The rows of a query, as the writer reads them: from a provider's data reader or straight from SQLite.</summary>
internal interface IRows : IDisposable
{
    bool Read();
    bool IsDBNull(int ordinal);
    long GetInt64(int ordinal);
    int GetInt32(int ordinal);
    double GetDouble(int ordinal);
    string GetString(int ordinal);
}

/// <summary>A provider's data reader as <see cref="IRows"/>.</summary>
internal sealed class ReaderRows(System.Data.Common.DbDataReader reader) : IRows
{
    public bool Read() => reader.Read();
    public bool IsDBNull(int ordinal) => reader.IsDBNull(ordinal);
    public long GetInt64(int ordinal) => reader.GetInt64(ordinal);
    public int GetInt32(int ordinal) => reader.GetInt32(ordinal);
    public double GetDouble(int ordinal) => reader.GetDouble(ordinal);
    public string GetString(int ordinal) => reader.GetString(ordinal);
    public void Dispose() => reader.Dispose();
}
