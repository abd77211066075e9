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
    private readonly Snapshot _snapshot;
    private readonly bool[]? _types;
    private readonly int _from;
    private readonly int _to;
    private readonly int? _actor;
    private readonly bool[]? _claimedBy;
    private readonly bool[]? _oblast;
    private readonly HashSet<long>? _reportMatches;

    public IncidentFilter(DashboardFilter filter, Snapshot snapshot, StorePool stores)
    {
        _snapshot = snapshot;
        var q = filter.Query;
        if (q.Types.Count > 0)
        {
            var names = q.Types.Select(ApiQuery.TypeName).ToHashSet(StringComparer.Ordinal);
            _types = snapshot.Types.Values.Select(names.Contains).ToArray();
        }
        _from = q.From is null ? int.MinValue : DateOnly.ParseExact(q.From, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayNumber;
        _to = q.To is null ? int.MaxValue : DateOnly.ParseExact(q.To, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayNumber;
        if (q.Actor is not null)
            _actor = snapshot.Actors.Find(q.Actor.ToUpperInvariant());
        if (filter.Claimant is { } claimant)
            _claimedBy = snapshot.ClaimedBy.Values
                .Select(list => list.Split(';', StringSplitOptions.TrimEntries).Contains(claimant, StringComparer.OrdinalIgnoreCase))
                .ToArray();
        if (q.Oblast is not null)
        {
            var key = EventStore.OblastKey(q.Oblast);
            _oblast = snapshot.Admin1.Values.Select(a => EventStore.OblastKey(a) == key).ToArray();
        }
        _reportMatches = stores.Use(store => store.IncidentsWithReportsMatching(q));
    }

    /// <summary>Positions of the matching incidents in the snapshot, newest first.</summary>
    public int[] Apply()
    {
        var entries = _snapshot.Entries;
        if (_types is null && _from == int.MinValue && _to == int.MaxValue && _actor is null && _claimedBy is null && _oblast is null && _reportMatches is null)
            return _snapshot.All;
        var found = new List<int>();
        for (var i = 0; i < entries.Length; i++)
            if (Matches(in entries[i]))
                found.Add(i);
        return found.ToArray();
    }

    private bool Matches(in Entry e)
    {
        if (_types is not null && (e.Type < 0 || !_types[e.Type]))
            return false;
        if ((_from != int.MinValue || _to != int.MaxValue) && (e.Day < 0 || e.Day < _from || e.Day > _to))
            return false;
        if (_actor is { } actor && (actor < 0 || (e.Actor != actor && e.TargetActor != actor)))
            return false;
        if (_claimedBy is not null && (e.ClaimedBy < 0 || !_claimedBy[e.ClaimedBy]))
            return false;
        if (_oblast is not null && (e.Admin1 < 0 || !_oblast[e.Admin1]))
            return false;
        return _reportMatches is null || _reportMatches.Contains(_snapshot.Rows[e.Row].Id);
    }
}
