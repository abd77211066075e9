using Microsoft.AspNetCore.Http;
using Sitrep.Web.Incidents;
using Sitrep.Web.Reports;

namespace Sitrep.Web.Api;

/// <summary>
/// <c>/api/incidents</c>: a page of incidents, or with <c>view=map</c> what the map draws for a
/// view (each incident when few, grid clusters when many, oblast-level incidents per oblast);
/// <c>/api/incidents/{id}</c>: one incident with every report, its figures and evidence.
/// </summary>
internal static class IncidentsApi
{
    // Above this many markers in view the map gets clusters instead: a browser draws a few
    // thousand SVG circles smoothly, not a hundred thousand.
    internal const int PointLimit = 2000;

    public static object List(IncidentIndex index, IQueryCollection q)
    {
        var level = ApiQuery.Text(q, "level");
        Drawn? only = level switch
        {
            null => null,
            "oblast" => Drawn.Oblast,
            "point" => Drawn.Point,
            _ => throw new BadRequestException($"level '{level}' is neither oblast nor point"),
        };
        var (snapshot, matches) = index.Matches(ApiQuery.Read(q));
        if (ApiQuery.Text(q, "view") is { } view)
            return view == "map" ? Map(snapshot, matches, q) : throw new BadRequestException($"view '{view}' is not map");
        var (page, size, offset) = ApiQuery.Page(q);
        var list = only is { } drawn ? matches.Where(i => snapshot.Entries[i].Drawn == drawn).ToArray() : matches;
        return new { Total = list.Length, Page = page, Size = size, Items = list.Skip(offset).Take(size).Select(i => snapshot.Rows[i]).ToList() };
    }

    private static object Map(Snapshot snapshot, int[] matches, IQueryCollection q)
    {
        var view = MapView.Read(q);
        var entries = snapshot.Entries;
        bool InView(in Entry e) => e.Drawn == Drawn.Point && view.Contains(e.Lat, e.Lon);
        var inView = 0;
        var unlocated = 0;
        var oblastLevel = new Dictionary<int, Cluster>();
        foreach (var i in matches)
        {
            ref readonly var e = ref entries[i];
            if (InView(in e))
                inView++;
            else if (e.Drawn == Drawn.Oblast)
            {
                if (!oblastLevel.TryGetValue(e.Admin1, out var o))
                    oblastLevel[e.Admin1] = o = new Cluster();
                o.Add(in e);
            }
            else if (e.Drawn == Drawn.Nowhere)
                unlocated++;
        }
        var oblasts = oblastLevel.Select(o => new { Admin1 = snapshot.Admin1[o.Key], o.Value.Count, o.Value.Casualties, Types = o.Value.TypeCounts(snapshot) }).ToList();
        if (inView <= PointLimit)
        {
            // Matches come newest first.
            var points = matches.Where(i => InView(in entries[i])).Select(i => snapshot.Rows[i]).Select(r => new
            {
                r.Id, r.Type, r.Subtype, Date = r.DateMin, r.Place, Lat = r.Lat!.Value, Lon = r.Lon!.Value,
                Killed = r.KilledBest, Injured = r.InjuredBest, Reports = r.ReportCount,
            });
            return new { Total = matches.Length, Unlocated = unlocated, Shown = "points", InView = inView, Points = points, Oblasts = oblasts };
        }
        var cells = view.Grid<Cluster>();
        foreach (var i in matches)
        {
            ref readonly var e = ref entries[i];
            if (InView(in e))
                cells.At(e.Lat, e.Lon).Add(in e);
        }
        var clusters = cells.Cells.Select(c => new { Lat = c.SumLat / c.Count, Lon = c.SumLon / c.Count, c.Count, c.Casualties, Types = c.TypeCounts(snapshot) });
        return new { Total = matches.Length, Unlocated = unlocated, Shown = "clusters", InView = inView, Clusters = clusters, Oblasts = oblasts };
    }

    private sealed class Cluster
    {
        private readonly Dictionary<int, int> _types = [];
        public int Count { get; private set; }
        public double SumLat { get; private set; }
        public double SumLon { get; private set; }
        public long Casualties { get; private set; }

        public void Add(in Entry e)
        {
            Count++;
            SumLat += e.Lat;
            SumLon += e.Lon;
            Casualties += e.Casualties;
            _types[e.Type] = _types.GetValueOrDefault(e.Type) + 1;
        }

        public Dictionary<string, int> TypeCounts(Snapshot snapshot) => _types.ToDictionary(t => snapshot.Types[t.Key], t => t.Value);
    }

    public static IResult One(StorePool stores, long id) =>
        stores.Use(store => store.GetIncident(id) is { } incident
            ? Results.Json(IncidentView.Of(incident, store), Json.Options)
            : Results.Json(new { Error = $"no incident {id}" }, Json.Options, statusCode: StatusCodes.Status404NotFound));
}
