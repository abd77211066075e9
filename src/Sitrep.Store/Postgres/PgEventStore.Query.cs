using Npgsql;
using Sitrep.Events;
using Sitrep.Store.Incidents;
using Sitrep.Store.Query;

namespace Sitrep.Store.Postgres;

/// <summary>The reading side: the SQLite store's statements in PostgreSQL's dialect (see <see cref="StoreReader"/>).</summary>
public sealed partial class PgEventStore : IEventReader
{
    private StoreReader? _reader;

    // A stream reads on a pooled connection of its own (see StoreReader); Clone keeps the password
    // that an opened connection's ConnectionString no longer shows.
    private StoreReader Reader => _reader ??= new StoreReader(_connection, ReadDialect.Postgres, () =>
    {
        var stream = _connection.CloneWith(_connection.ConnectionString);
        stream.Open();
        return (stream, true);
    }, weaponColumns: HasWeaponColumns());

    // A database made before event_weapons carried its event's fields, read by a verb that creates
    // nothing, has not had them added (Schema.sql adds them when a writer opens it).
    private bool HasWeaponColumns()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = PgSql.WeaponColumns;
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    /// <summary>Connects to a database that already holds a Sitrep store, for the verbs that only read it; creates nothing.</summary>
    /// <exception cref="StoreException">The server cannot be reached, or the database is empty or not a Sitrep database of this version.</exception>
    public static PgEventStore OpenExisting(string connectionString, string name) =>
        Connect(connectionString, name, (connection, transaction) =>
        {
            if (Convert.ToInt64(Scalar(connection, transaction, PgSql.TableCount)) == 0)
                throw new StoreException(name, "no Sitrep database here (it holds no tables); fill one with 'sitrep ingest --db URI'");
            CheckVersion(connection, transaction, name);
        });

    /// <inheritdoc />
    public IEnumerable<EventRecord> Query(EventQuery query) => Reader.Query(query);

    /// <inheritdoc />
    public long Count(EventQuery query) => Reader.Count(query);

    /// <inheritdoc />
    public IEnumerable<IncidentRow> QueryIncidents(EventQuery query) => Reader.QueryIncidents(query);

    /// <inheritdoc />
    public Incident? GetIncident(long id) => Reader.GetIncident(id);

    /// <inheritdoc />
    public long? MergedInto(long id) => Reader.MergedInto(id);

    /// <inheritdoc />
    public long? IncidentOf(string doc, string eventId) => Reader.IncidentOf(doc, eventId);

    /// <inheritdoc />
    public (string? Source, string? Url, string? Title) DocumentSource(string doc) => Reader.DocumentSource(doc);

    /// <inheritdoc />
    public (double Lat, double Lon)? Locate(string placeName) => Reader.Locate(placeName);

    /// <inheritdoc />
    public StoreStatistics Statistics(StatsQuery query) => Reader.Statistics(query);
}
