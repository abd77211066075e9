using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Sitrep.Store;
using Sitrep.Web.Claims;
using Sitrep.Web.Incidents;

namespace Sitrep.Web.Api;

/// <summary>
/// <c>/api/claims</c>: settlements whose capture or liberation was claimed, as of the day
/// <c>as_of</c> (default: every claim), with the first and last claim day for the page's date
/// slider. The filters apply to the claims (a claimant filter keeps one side's claims). A list
/// (paginated, by name) of those in <c>bbox</c>; or with <c>view=map</c> what the claims layer
/// draws for a map view: every settlement in the box when few, else grid cells (the incident
/// map's, <see cref="MapView"/>) with counts per holding side and of contested settlements.
/// </summary>
internal sealed class ClaimsApi(StorePool stores, IncidentIndex index)
{
    // Above this many settlements in view the layer gets cells instead. Each settlement carries
    // its latest claims (about 300 bytes), so a view sends at most what a list page does.
    internal const int PointLimit = ApiQuery.MaxPageSize;
    private const int FiltersKept = 8;
    // Moving the date slider asks again with the same filters: each filter's claims are read and
    // worked into a timeline once per database version (the incident index's snapshot, which
    // reloads when another process commits), and only the as-of cut is made per request.
    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, Snapshot Version, ClaimTimeline Timeline, ConcurrentDictionary<ClaimedSettlement, byte[]> Items)> _recent = new();

    public IResult Get(IQueryCollection q)
    {
        var filter = ApiQuery.Read(q);
        var asOf = ApiQuery.Date(q, "as_of");
        var view = MapView.Read(q);
        var map = ApiQuery.Text(q, "view") switch
        {
            null => false,
            "map" => true,
            var other => throw new BadRequestException($"view '{other}' is not map"),
        };
        var (page, size, offset) = map ? (0, 0, 0) : ApiQuery.Page(q);
        var (timeline, items) = Timeline(filter);
        var total = 0;
        var inView = new List<ClaimedSettlement>();
        foreach (var settlement in timeline.AsOf(asOf))
        {
            total++;
            if (view.Contains(settlement.Lat, settlement.Lon))
                inView.Add(settlement);
        }
        (int Zoom, List<ClaimCell> Cells)? cells = map && inView.Count > PointLimit ? Cells(view, inView) : null;
        List<ClaimedSettlement> drawn = cells is not null ? [] : map ? inView : inView.Skip(offset).Take(size).ToList();

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096 + drawn.Count * 320 + (cells?.Cells.Count ?? 0) * 160);
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (asOf is not null)
                json.WriteString("as_of", asOf);
            if (timeline.FirstDate is not null)
                json.WriteString("first_date", timeline.FirstDate);
            if (timeline.LastDate is not null)
                json.WriteString("last_date", timeline.LastDate);
            // Every settlement claimed by the day, wherever it is: those outside the box are the
            // ones this answer leaves out.
            json.WriteNumber("total", total);
            json.WriteNumber("in_view", inView.Count);
            if (map)
                json.WriteString("shown", cells is null ? "points" : "cells");
            else
            {
                json.WriteNumber("page", page);
                json.WriteNumber("size", size);
            }
            if (cells is { } grid)
            {
                json.WriteNumber("cell_zoom", grid.Zoom);
                json.WriteStartArray("cells");
                foreach (var cell in grid.Cells)
                    cell.Write(json);
                json.WriteEndArray();
            }
            else
            {
                json.WriteStartArray("items");
                foreach (var settlement in drawn)
                    json.WriteRawValue(items.GetOrAdd(settlement, Item), skipInputValidation: true);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Results.Bytes(buffer.WrittenMemory, "application/json; charset=utf-8");
    }

    /// <summary>
    /// The settlements in view by grid cell at the view's zoom; at coarser zooms while that is
    /// still more cells than <see cref="PointLimit"/> (a world-wide box at street zoom), so the
    /// answer stays bounded and still counts every settlement.
    /// </summary>
    private static (int Zoom, List<ClaimCell> Cells) Cells(MapView view, List<ClaimedSettlement> settlements)
    {
        for (var zoom = view.Zoom; ; zoom--)
        {
            var grid = (view with { Zoom = zoom }).Grid<ClaimCell>();
            foreach (var s in settlements)
                grid.At(s.Lat, s.Lon).Add(s);
            if (grid.Count <= PointLimit || zoom == 0)
                return (zoom, grid.Cells.ToList());
        }
    }

    // A settlement's state as of a day is the same on every request that reaches it: its JSON is
    // written once, and a page is those pieces put together.
    private static byte[] Item(ClaimedSettlement s) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
    {
        s.Place, s.Admin1, s.Lat, s.Lon, s.Holder, s.ClaimedBy, s.LastDate, s.Contested, s.ContestedBecause, s.ClaimCount,
        // A claim's place is its settlement's: sent once, with the settlement.
        Claims = s.Claims.Select(c => new { c.Incident, c.Date, c.Subtype, c.Actor, c.ClaimedBy, c.Source, c.Doc }),
    }, Json.Options);

    /// <summary>The claims of the filter with nothing asked yet: read before the first page view.</summary>
    public void Warm() => Timeline(new DashboardFilter(new EventQuery(), null));

    private (ClaimTimeline Timeline, ConcurrentDictionary<ClaimedSettlement, byte[]> Items) Timeline(DashboardFilter filter)
    {
        var key = System.Text.Json.JsonSerializer.Serialize(filter);
        var version = index.Current();
        lock (_gate)
            for (var node = _recent.First; node is not null; node = node.Next)
                if (node.Value.Key == key && ReferenceEquals(node.Value.Version, version))
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    return (node.Value.Timeline, node.Value.Items);
                }
        var timeline = new ClaimTimeline(stores.Use(store => store.ControlClaims(filter.Query, filter.Claimant, ClaimedControl.ControlSubtypes)));
        var items = new ConcurrentDictionary<ClaimedSettlement, byte[]>(ReferenceEqualityComparer.Instance);
        lock (_gate)
        {
            _recent.AddFirst((key, version, timeline, items));
            while (_recent.Count > FiltersKept)
                _recent.RemoveLast();
        }
        return (timeline, items);
    }
}

/// <summary>The settlements of one grid cell: how many, held by which side, how many contested, and where.</summary>
internal sealed class ClaimCell
{
    private readonly Dictionary<string, int> _holders = new(StringComparer.OrdinalIgnoreCase);
    private double _sumLat, _sumLon;
    private double _south = double.MaxValue, _west = double.MaxValue, _north = double.MinValue, _east = double.MinValue;
    private int _count, _contested;

    public void Add(ClaimedSettlement s)
    {
        _count++;
        _sumLat += s.Lat;
        _sumLon += s.Lon;
        (_south, _north) = (Math.Min(_south, s.Lat), Math.Max(_north, s.Lat));
        (_west, _east) = (Math.Min(_west, s.Lon), Math.Max(_east, s.Lon));
        // A settlement no claim names a holder for is counted as such, so the sides add up.
        var holder = s.Holder ?? "unknown";
        _holders[holder] = _holders.GetValueOrDefault(holder) + 1;
        if (s.Contested)
            _contested++;
    }

    public void Write(System.Text.Json.Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("lat", Math.Round(_sumLat / _count, 5));
        json.WriteNumber("lon", Math.Round(_sumLon / _count, 5));
        json.WriteNumber("count", _count);
        json.WriteStartObject("holders");
        foreach (var (holder, count) in _holders.OrderByDescending(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal))
            json.WriteNumber(holder, count);
        json.WriteEndObject();
        json.WriteNumber("contested", _contested);
        // WEST,SOUTH,EAST,NORTH of the cell's settlements, as bbox takes it: where a click zooms to.
        json.WriteStartArray("bounds");
        foreach (var edge in new[] { _west, _south, _east, _north })
            json.WriteNumberValue(edge);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
