using Sitrep.Store;
using Sitrep.Web.Api;

namespace Sitrep.Web.Incidents;

/// <summary>
/// The CLI's filters applied to incidents. Type, dates, actor, claimant and oblast compare the
/// incident's summary (its type, first day, actors, every claimant of its reports, its oblast);
/// place, near, weapon, text and no_background pass an incident when any of its reports matches,
/// as <c>sitrep incidents</c> does, through the store.
/// </summary>
internal sealed class IncidentFilter
{
    private readonly HashSet<string> _types;
    private readonly string? _from;
    private readonly string? _to;
    private readonly string? _actor;
    private readonly string? _claimant;
    private readonly string? _oblastKey;
    private readonly HashSet<long>? _reportMatches;

    public IncidentFilter(DashboardFilter filter, StorePool stores)
    {
        var q = filter.Query;
        _types = q.Types.Select(ApiQuery.TypeName).ToHashSet(StringComparer.Ordinal);
        _from = q.From;
        _to = q.To;
        _actor = q.Actor;
        _claimant = filter.Claimant;
        _oblastKey = q.Oblast is null ? null : EventStore.OblastKey(q.Oblast);
        _reportMatches = stores.Use(store => store.IncidentsWithReportsMatching(q));
    }

    public IEnumerable<IndexedIncident> Apply(IEnumerable<IndexedIncident> incidents) => incidents.Where(Matches);

    private bool Matches(IndexedIncident incident)
    {
        var row = incident.Row;
        if (_types.Count > 0 && !_types.Contains(row.Type))
            return false;
        if (_from is not null && (row.DateMin is null || string.CompareOrdinal(row.DateMin, _from) < 0))
            return false;
        if (_to is not null && (row.DateMin is null || string.CompareOrdinal(row.DateMin, _to) > 0))
            return false;
        if (_actor is not null && !_actor.Equals(row.Actor, StringComparison.OrdinalIgnoreCase) && !_actor.Equals(row.TargetActor, StringComparison.OrdinalIgnoreCase))
            return false;
        if (_claimant is not null && !incident.Claimants.Contains(_claimant, StringComparer.OrdinalIgnoreCase))
            return false;
        if (_oblastKey is not null && incident.OblastKey != _oblastKey)
            return false;
        return _reportMatches is null || _reportMatches.Contains(row.Id);
    }
}
