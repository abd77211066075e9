using Sitrep.Events;
using Sitrep.Store.Incidents;

namespace Sitrep.Store;

/// <summary>
/// The reading side of an event database, what query, incidents, export and stats ask of it.
/// SQLite (<see cref="EventStore"/>) and PostgreSQL (<see cref="Postgres.PgEventStore"/>) run
/// the same statements through <see cref="Query.StoreReader"/>, so the same stored reports give
/// the same rows in the same order in either.
/// </summary>
public interface IEventReader : IDisposable
{
    /// <summary>The database as a user named it (a PostgreSQL password left out), for messages.</summary>
    string Path { get; }

    /// <summary>Events matching the query, by date (undated last) then in the order they were stored; streamed.</summary>
    /// <exception cref="QueryException">The full-text expression is malformed, or the database fails.</exception>
    IEnumerable<EventRecord> Query(EventQuery query);

    /// <summary>How many events match the query, without reading them.</summary>
    long Count(EventQuery query);

    /// <summary>Incidents with at least one report matching the query, by first date; summaries without their reports.</summary>
    IEnumerable<IncidentRow> QueryIncidents(EventQuery query);

    /// <summary>One incident with every report, every figure each source gives, and the best figures; null when there is none.</summary>
    Incident? GetIncident(long id);

    /// <summary>The incident an incident id was merged into, following later merges; null when it was never merged.</summary>
    long? MergedInto(long id);

    /// <summary>The incident an event of a document belongs to.</summary>
    long? IncidentOf(string doc, string eventId);

    /// <summary>Where a stored document came from: its outlet, address and title (each may be unknown).</summary>
    (string? Source, string? Url, string? Title) DocumentSource(string doc);

    /// <summary>Coordinates of a located place of that name already in the database, the one most often named.</summary>
    (double Lat, double Lon)? Locate(string placeName);

    /// <summary>Totals, the daily and weapon series, and incidents by type and by oblast, for the incidents the query picks.</summary>
    StoreStatistics Statistics(StatsQuery query);
}
