using System.Globalization;
using Sitrep.Store;
using Sitrep.Web.Api;

namespace Sitrep.Web.Incidents;

/// <summary>How the map can draw an incident.</summary>
internal enum Drawn : byte
{
    /// <summary>Located and finer than an oblast: a point.</summary>
    Point,
    /// <summary>Known only as an oblast: the oblast's outline.</summary>
    Oblast,
    /// <summary>No coordinates, or an oblast-level place with no oblast.</summary>
    Nowhere,
}

/// <summary>
/// One incident as the filters and aggregates read it: numbers only, strings as indexes into
/// the snapshot's tables, so a scan of 100,000 walks a few MB of contiguous memory instead of
/// chasing a hundred thousand objects.
/// </summary>
internal readonly record struct Entry(int Row, int Day, int Type, Drawn Drawn, double Lat, double Lon, int Admin1, int ClaimedBy,
    int Actor, int TargetActor, int Killed, int Injured, int MissilesLaunched, int MissilesIntercepted, int DronesLaunched, int DronesIntercepted)
{
    public int Casualties => Killed + Injured;
}

/// <summary>Every incident at one database version, newest first (undated last), with the tables its entries index.</summary>
internal sealed class Snapshot
{
    public Snapshot(IReadOnlyList<IncidentRow> summaries)
    {
        var rows = summaries
            .Select(r => (Row: r, Day: r.DateMin is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day.DayNumber : -1))
            .OrderByDescending(r => r.Day).ThenByDescending(r => r.Row.Id)
            .ToList();
        Rows = rows.Select(r => r.Row).ToArray();
        Entries = new Entry[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, day) = rows[i];
            var drawn = row.PlaceKind == "region" ? (row.Admin1 is null ? Drawn.Nowhere : Drawn.Oblast)
                : row.Lat is not null && row.Lon is not null ? Drawn.Point : Drawn.Nowhere;
            Entries[i] = new Entry(i, day, Types.Of(row.Type), drawn, row.Lat ?? 0, row.Lon ?? 0, Admin1.Of(row.Admin1), ClaimedBy.Of(row.ClaimedBy),
                Actors.Of(row.Actor?.ToUpperInvariant()), Actors.Of(row.TargetActor?.ToUpperInvariant()), (int)(row.KilledBest ?? 0), (int)(row.InjuredBest ?? 0),
                (int)(row.MissilesLaunched ?? 0), (int)(row.MissilesIntercepted ?? 0), (int)(row.DronesLaunched ?? 0), (int)(row.DronesIntercepted ?? 0));
        }
        All = Enumerable.Range(0, Entries.Length).ToArray();
    }

    public IncidentRow[] Rows { get; }
    public Entry[] Entries { get; }
    /// <summary>Every position: the matches of no filter.</summary>
    public int[] All { get; }
    public StringTable Types { get; } = new();
    public StringTable Admin1 { get; } = new();
    /// <summary>An incident's claimants as stored ("UA; RU"), each such list once.</summary>
    public StringTable ClaimedBy { get; } = new();
    public StringTable Actors { get; } = new();
}

/// <summary>Distinct strings and their indexes; null is -1.</summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public IReadOnlyList<string> Values => _values;

    public string this[int index] => _values[index];

    public int Of(string? value)
    {
        if (value is null)
            return -1;
        if (!_index.TryGetValue(value, out var i))
        {
            _index[value] = i = _values.Count;
            _values.Add(value);
        }
        return i;
    }

    public int Find(string value) => _index.GetValueOrDefault(value, -1);
}

/// <summary>
/// Every incident's summary held in memory, so a map move or a filter is a scan of an array,
/// not a query. Reloaded when another process (an ingest) has committed to the database since,
/// at most every few seconds. The last few filters' matches are kept, as panning the map asks
/// the same again.
/// </summary>
internal sealed class IncidentIndex(StorePool stores) : IDisposable
{
    private static readonly TimeSpan MinReloadInterval = TimeSpan.FromSeconds(3);
    private const int FiltersKept = 8;
    private readonly Lock _gate = new();
    private EventStore? _watch;
    private Snapshot? _snapshot;
    private long _version = long.MinValue;
    private DateTime _loadedAt = DateTime.MinValue;
    private readonly LinkedList<(string Key, int[] Matches)> _recent = new();

    /// <summary>The snapshot and the positions in it of the incidents the filter lets through, newest first.</summary>
    public (Snapshot Snapshot, int[] Matches) Matches(DashboardFilter filter)
    {
        var key = System.Text.Json.JsonSerializer.Serialize(filter);
        Snapshot snapshot;
        lock (_gate)
        {
            snapshot = CurrentLocked();
            foreach (var (k, matches) in _recent)
                if (k == key)
                    return (snapshot, matches);
        }
        var found = new IncidentFilter(filter, snapshot, stores).Apply();
        lock (_gate)
        {
            if (ReferenceEquals(snapshot, _snapshot))
            {
                _recent.AddFirst((key, found));
                while (_recent.Count > FiltersKept)
                    _recent.RemoveLast();
            }
        }
        return (snapshot, found);
    }

    /// <summary>The snapshot of the database as it is now (reloaded first if another process has committed since): a version that readers of other tables can key their caches by.</summary>
    public Snapshot Current()
    {
        lock (_gate)
            return CurrentLocked();
    }

    // Under the lock.
    private Snapshot CurrentLocked()
    {
        // A connection of its own: PRAGMA data_version moves when any other connection commits.
        _watch ??= stores.Open();
        var version = _watch.DataVersion();
        if (_snapshot is null || (version != _version && DateTime.UtcNow - _loadedAt >= MinReloadInterval))
        {
            var reload = _snapshot is not null;
            _snapshot = new Snapshot(_watch.IncidentSummaries());
            _recent.Clear();
            if (reload)
                Console.Error.WriteLine($"sitrep serve: the database changed; {_snapshot.Rows.Length:N0} incidents reloaded");
            _version = version;
            _loadedAt = DateTime.UtcNow;
        }
        return _snapshot;
    }

    public void Dispose()
    {
        lock (_gate)
            _watch?.Dispose();
    }
}
