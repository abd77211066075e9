using Dapper;
using Sitrep.Store.Sql;

namespace Sitrep.Store;

/// <summary>One day of the war as the store knows it: incidents and their best figures, summed.</summary>
public sealed record DailyFigures(string Date, long Incidents, long MissilesLaunched, long MissilesIntercepted,
    long DronesLaunched, long DronesIntercepted, long Killed, long Injured);

/// <summary>Incidents grouped by one key (a type, an oblast).</summary>
public sealed record GroupCount(string Key, long Incidents, long Reports, long Killed, long Injured);

public sealed record StoreTotals(long Documents, long Events, long Incidents);

/// <summary>The result of <see cref="EventStore.Check"/>: all zero but Documents in a sound database.</summary>
public sealed record StoreCheck(long Documents, long IncompleteDocuments, long OrphanRows, long EventsWithoutIncident)
{
    public bool Sound => IncompleteDocuments == 0 && OrphanRows == 0 && EventsWithoutIncident == 0;
}

public sealed record StoreStatistics(StoreTotals Totals, IReadOnlyList<DailyFigures> Daily, IReadOnlyList<GroupCount> ByType, IReadOnlyList<GroupCount> ByOblast);

public sealed partial class EventStore
{
    /// <summary>Checks that every document is stored whole and nothing hangs off a missing row.</summary>
    public StoreCheck Check() => _connection.QuerySingle<StoreCheck>(CheckSql.Check);

    /// <summary>Totals, the daily series, and incidents by type and by oblast, for incidents first dated between the bounds (inclusive).</summary>
    public StoreStatistics Statistics(string? from = null, string? to = null)
    {
        var bounds = new { from = from ?? "", to = to ?? "9999-12-31" };
        return new StoreStatistics(
            _connection.QuerySingle<StoreTotals>(StatsSql.Totals),
            _connection.Query<DailyFigures>(StatsSql.Daily, bounds).ToList(),
            _connection.Query<GroupCount>(StatsSql.ByType, bounds).ToList(),
            _connection.Query<GroupCount>(StatsSql.ByOblast, bounds).ToList());
    }
}
