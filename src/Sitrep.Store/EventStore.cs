using System.Reflection;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Sql;

namespace Sitrep.Store;

/// <summary>
/// The event database: documents, their events, and the incidents those events cluster into, in
/// one SQLite file. Writes go through <see cref="Ingest(IReadOnlyList{ExtractedDocument})"/>, one
/// transaction per call, so a crash leaves each document either whole or absent.
/// </summary>
public sealed partial class EventStore : IDisposable
{
    private readonly SqliteConnection _connection;

    // Columns are snake_case, record properties PascalCase.
    static EventStore() => Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

    private EventStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    internal SqliteConnection Connection => _connection;

    /// <summary>Opens the database at <paramref name="path"/>, creating it and its schema when missing.</summary>
    /// <exception cref="StoreException">The file is not a Sitrep database or cannot be opened.</exception>
    public static EventStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Pooled connections keep the file open after Dispose; a CLI run and tests want it closed.
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, StoreSql.Pragmas);
            Execute(connection, Schema.Value);
            RegisterFunctions(connection);
            return new EventStore(connection, path);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException(path, e.Message);
        }
    }

    /// <summary>Opens an existing database for reading only, as a second process may while an ingest runs.</summary>
    public static EventStore OpenReadOnly(string path)
    {
        if (!File.Exists(path))
            throw new StoreException(path, "no such database");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 10000;");
            RegisterFunctions(connection);
            return new EventStore(connection, path);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException(path, e.Message);
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Whether a document with this id and content is already stored, so a caller can skip extracting it.</summary>
    public bool Contains(string documentId, string contentHash)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = StoreSql.DocumentHash;
        command.Parameters.AddWithValue("$id", documentId);
        return command.ExecuteScalar() is string stored && stored == contentHash;
    }

    private static readonly Lazy<string> Schema = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sitrep.Store.Sql.Schema.sql")
            ?? throw new InvalidOperationException("Schema.sql is not embedded in Sitrep.Store.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static void RegisterFunctions(SqliteConnection connection) =>
        connection.CreateFunction("distance_km", (double lat1, double lon1, double lat2, double lon2) =>
            GeoMath.DistanceKm(lat1, lon1, lat2, lon2), isDeterministic: true);

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>The database cannot be used; the message names the file and the problem.</summary>
public sealed class StoreException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}
