using Dapper;
using Sitrep.Events;
using Sitrep.Store.Sql;

namespace Sitrep.Store;

/// <summary>
/// One day of the war as the store knows it: incidents and the sum of their best figures. A
/// figure no incident states is null (unknown), never 0.
/// </summary>
public sealed record DailyFigures(string Date, long Incidents, long? Killed, long? Injured)
{
    // Dapper reads rows through a parameterless constructor: through the positional one it would
    // type a column from its first value, and a first null breaks the read.
    public DailyFigures() : this("", 0, null, null) { }
}

/// <summary>
/// Launched and intercepted counts of one weapon on one day, by the side that launched it and
/// the side that claims the figures: Russia's count of Ukrainian drones shot down and Ukraine's
/// count of Russian drones launched are different rows, never one sum. Null is unknown.
/// </summary>
public sealed record WeaponFigures(string Date, string? LaunchedBy, string Claimant, string Weapon, long Incidents, long? Launched, long? Intercepted)
{
    public WeaponFigures() : this("", null, "", "", 0, null, null) { }
}

/// <summary>Incidents grouped by one key (a type, an oblast).</summary>
public sealed record GroupCount(string Key, long Incidents, long Reports, long? Killed, long? Injured)
{
    public GroupCount() : this("", 0, 0, null, null) { }
}

public sealed record StoreTotals(long Documents, long Events, long Incidents);

/// <summary>The result of <see cref="EventStore.Check"/>: all zero but Documents in a sound database.</summary>
public sealed record StoreCheck(long Documents, long IncompleteDocuments, long OrphanRows, long EventsWithoutIncident)
{
    public bool Sound => IncompleteDocuments == 0 && OrphanRows == 0 && EventsWithoutIncident == 0;
}

public sealed record StoreStatistics(StoreTotals Totals, IReadOnlyList<DailyFigures> Daily, IReadOnlyList<WeaponFigures> Weapons,
    IReadOnlyList<GroupCount> ByType, IReadOnlyList<GroupCount> ByOblast);

/// <summary>Which incidents <c>stats</c> counts; every filter left null lets everything through.</summary>
public sealed record StatsQuery
{
    /// <summary>First day, inclusive (yyyy-MM-dd), of an incident's first date.</summary>
    public string? From { get; init; }
    public string? To { get; init; }
    public IReadOnlyList<EventType> Types { get; init; } = [];
    /// <summary>An actor code on either side.</summary>
    public string? Actor { get; init; }
    public string? Oblast { get; init; }
    /// <summary>Count only what this claimant says: its own figures, its own weapon counts.</summary>
    public string? ClaimedBy { get; init; }
}

public sealed partial class EventStore
{
    /// <summary>Checks that every document is stored whole and nothing hangs off a missing row.</summary>
    public StoreCheck Check() => _connection.QuerySingle<StoreCheck>(CheckSql.Check);

    /// <summary>Totals, the daily series, and incidents by type and by oblast, for incidents first dated between the bounds (inclusive).</summary>
    public StoreStatistics Statistics(string? from = null, string? to = null) => Statistics(new StatsQuery { From = from, To = to });

    /// <inheritdoc />
    public StoreStatistics Statistics(StatsQuery query) => Reader.Statistics(query);
}
