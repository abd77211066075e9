using Sitrep.Store;

namespace Sitrep.Web.Incidents;

/// <summary>An incident's summary with what the filters compare, computed once per load.</summary>
internal sealed record IndexedIncident(IncidentRow Row, string? OblastKey, IReadOnlyList<string> Claimants)
{
    /// <summary>Known only as an oblast: drawn as the oblast's outline.</summary>
    public bool OblastLevel => Row.PlaceKind == "region";

    /// <summary>Drawn as a point: located and finer than an oblast.</summary>
    public bool Point => !OblastLevel && Row.Lat is not null && Row.Lon is not null;

    public bool Drawable => Point || (OblastLevel && Row.Admin1 is not null);

    public long Casualties => (Row.KilledBest ?? 0) + (Row.InjuredBest ?? 0);
}

/// <summary>
/// Every incident's summary held in memory, so a map move or a filter is a scan of a list, not
/// a query: 100,000 incidents are a few tens of MB and a scan takes milliseconds. Reloaded when
/// another process (an ingest) has committed to the database since, at most every few seconds.
/// </summary>
internal sealed class IncidentIndex(StorePool stores) : IDisposable
{
    private static readonly TimeSpan MinReloadInterval = TimeSpan.FromSeconds(3);
    private readonly Lock _gate = new();
    private EventStore? _watch;
    private IReadOnlyList<IndexedIncident> _incidents = [];
    private long _version = long.MinValue;
    private DateTime _loadedAt = DateTime.MinValue;

    public IReadOnlyList<IndexedIncident> Current
    {
        get
        {
            lock (_gate)
            {
                // A connection of its own: PRAGMA data_version moves when any other connection commits.
                _watch ??= stores.Open();
                var version = _watch.DataVersion();
                if (version != _version && (DateTime.UtcNow - _loadedAt >= MinReloadInterval || _version == long.MinValue))
                {
                    _incidents = _watch.IncidentSummaries().Select(Index).ToList();
                    _version = version;
                    _loadedAt = DateTime.UtcNow;
                }
                return _incidents;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
            _watch?.Dispose();
    }

    private static IndexedIncident Index(IncidentRow row) => new(row,
        row.Admin1 is null ? null : EventStore.OblastKey(row.Admin1),
        row.ClaimedBy?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? []);
}
