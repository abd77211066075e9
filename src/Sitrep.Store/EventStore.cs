using System.Reflection;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Sql;

namespace Sitrep.Store;

/// <summary>
/// The event database: documents, their events, and the incidents those events cluster into, in
/// one SQLite file. Writes go through <see cref="Ingest(IReadOnlyList{ExtractedDocument})"/>, one
/// transaction per call, so a crash leaves each document either whole or absent.
/// </summary>
public sealed partial class EventStore : IEventStore
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
            var version = CheckVersion(connection, path);
            Execute(connection, StoreSql.Pragmas);
            RegisterFunctions(connection);
            if (version == SchemaUpgrade.FromVersion)
                SchemaUpgrade.Run(connection, Schema.Value);
            if (version is not null && !Sitrep.Store.Query.PlaceTree.Exists(connection))
                SchemaUpgrade.AddPlaceTree(connection, Schema.Value);
            if (version is not null && !SchemaUpgrade.HasWeaponColumns(connection))
                SchemaUpgrade.AddWeaponColumns(connection);
            if (version is not null && !StoreSummaries.Exist(connection))
                StoreSummaries.Build(connection, Schema.Value);
            if (version is not null && !StoreSummaries.PacksWaitForWriter(connection))
                StoreSummaries.MakePacksWaitForWriter(connection, Schema.Value);
            Execute(connection, Schema.Value);
            return new EventStore(connection, path) { _placeTree = true, _writer = true };
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException(path, Describe(e));
        }
        catch (StoreException)
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>SQLite's error, said as what it means for the user.</summary>
    public static string Describe(SqliteException e) => e.SqliteErrorCode switch
    {
        26 => "not a database (the file is not SQLite, or it is damaged)",
        11 => "the database file is damaged (malformed)",
        8 => "the database is read-only here (no write permission on the file or its folder)",
        14 => "cannot open the database file (check the path and permissions)",
        5 or 6 => "the database is locked by another process; try again when it has finished",
        13 => "the disk is full",
        _ => e.Message.Replace("SQLite Error ", "SQLite error "),
    };

    /// <summary>
    /// Opens an existing database for reading only, as a second process may while an ingest runs.
    /// A database in a folder the user cannot write to (where SQLite cannot make its shared-memory
    /// file) is opened as immutable instead: it can be read, just not while another process writes it.
    /// </summary>
    public static EventStore OpenReadOnly(string path)
    {
        if (!File.Exists(path))
            throw new StoreException(path, "no such database");
        try
        {
            return Connect(path, path);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 14 or 8 or 10)
        {
            try
            {
                return Connect(new Uri(System.IO.Path.GetFullPath(path)).AbsoluteUri + "?immutable=1", path);
            }
            catch (SqliteException again)
            {
                throw new StoreException(path, Describe(again));
            }
        }
        catch (SqliteException e)
        {
            throw new StoreException(path, Describe(e));
        }
    }

    private static EventStore Connect(string dataSource, string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 10000;");
            if (CheckVersion(connection, path) == SchemaUpgrade.FromVersion)
            {
                // The previous schema is upgraded once, by a writer, before it is read.
                connection.Dispose();
                using (Open(path)) { }
                return Connect(dataSource, path);
            }
            var placeTree = Sitrep.Store.Query.PlaceTree.Exists(connection);
            var weaponColumns = SchemaUpgrade.HasWeaponColumns(connection);
            var summaries = StoreSummaries.Exist(connection);
            if ((SchemaUpgrade.Incomplete(connection, Schema.Value) || !weaponColumns) && TryUpgrade(path))
            {
                connection.Dispose();
                return Connect(dataSource, path);
            }
            RegisterFunctions(connection);
            return new EventStore(connection, path) { _placeTree = placeTree, _weaponColumns = weaponColumns, _summaries = summaries };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Whether --near can use the R*Tree: a database made before it, opened read-only where it cannot be written, has none.
    private bool _placeTree;

    // Whether stats can read the event's type, actors and claimant from event_weapons (see _placeTree).
    private bool _weaponColumns = true;

    // Whether the listing and stats can read the writer's copies (StoreSummaries; see _placeTree).
    private bool _summaries = true;

    /// <summary>Adds what a reader wants and an older file lacks (the R*Tree of places, indexes), when the file can be written.</summary>
    private static bool TryUpgrade(string path)
    {
        try
        {
            using (Open(path)) { }
            return true;
        }
        catch (StoreException)
        {
            return false;
        }
    }

    // Whether this connection may write, so may leave the planner's statistics behind on close.
    private bool _writer;

    public void Dispose()
    {
        if (_writer && _connection.State == System.Data.ConnectionState.Open)
            LeaveStatistics();
        _writer = false;
        _connection.Dispose();
    }

    /// <summary>
    /// Measures the tables whose statistics are missing or stale, so a store that ingest built is
    /// not queried by a planner guessing ten rows per key (a fresh store had no sqlite_stat1).
    /// </summary>
    private void LeaveStatistics()
    {
        try
        {
            Execute(_connection, StoreSql.Optimize);
        }
        catch (SqliteException)
        {
            // Statistics only steer the planner: a store another process holds locked, or a full
            // disk, keeps its old ones (or none) and the next writer measures it.
        }
    }

    /// <summary>Whether a document with this id and content is already stored, so a caller can skip extracting it.</summary>
    public bool Contains(string documentId, string contentHash)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = StoreSql.DocumentHash;
        command.Parameters.AddWithValue("$id", documentId);
        return command.ExecuteScalar() is string stored && stored == contentHash;
    }

    public const int SchemaVersion = 2;

    /// <summary>
    /// Refuses a file that is not a Sitrep database of this schema or the one before (which
    /// <see cref="SchemaUpgrade"/> upgrades), so a foreign SQLite file or a store of another
    /// version gives one clear message instead of a missing-column error halfway through.
    /// Returns the file's schema version, or null for an empty file (a new database).
    /// </summary>
    private static int? CheckVersion(SqliteConnection connection, string path)
    {
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master";
        if ((long)tables.ExecuteScalar()! == 0)
            return null;
        using var version = connection.CreateCommand();
        version.CommandText = "SELECT value FROM store_meta WHERE key = 'schema_version'";
        object? value;
        try
        {
            value = version.ExecuteScalar();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            throw new StoreException(path, "not a Sitrep database (an SQLite file without Sitrep's tables)");
        }
        if (value is string text && (text == SchemaVersion.ToString() || text == SchemaUpgrade.FromVersion.ToString()))
            return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        throw new StoreException(path, $"made by another version of Sitrep (schema {value ?? "unknown"}, this one reads {SchemaVersion}); ingest the reports into a new database");
    }

    private static readonly Lazy<string> Schema = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sitrep.Store.Sql.Schema.sql")
            ?? throw new InvalidOperationException("Schema.sql is not embedded in Sitrep.Store.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static void RegisterFunctions(SqliteConnection connection)
    {
        connection.CreateFunction("distance_km", (double lat1, double lon1, double lat2, double lon2) =>
            GeoMath.DistanceKm(lat1, lon1, lat2, lon2), isDeterministic: true);
        connection.CreateFunction("oblast_key", (string? name) => name is null ? null : Incidents.IncidentRule.OblastKey(name), isDeterministic: true);
    }

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
