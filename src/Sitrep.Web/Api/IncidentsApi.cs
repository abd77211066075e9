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
    // A cluster cell is about this many screen pixels wide at the requested zoom.
    private const double CellPixels = 56;

    public static object List(IncidentIndex index, StorePool stores, IQueryCollection q)
    {
        var filter = new IncidentFilter(ApiQuery.Read(q), stores);
        var level = ApiQuery.Text(q, "level");
        Func<IndexedIncident, bool> atLevel = level switch
        {
            null => _ => true,
            "oblast" => i => i.OblastLevel,
            "point" => i => i.Point,
            _ => throw new BadRequestException($"level '{level}' is neither oblast nor point"),
        };
        var matches = filter.Apply(index.Current).Where(atLevel);
        if (ApiQuery.Text(q, "view") is { } view)
            return view == "map" ? Map(matches.ToList(), q) : throw new BadRequestException($"view '{view}' is not map");
        var (page, size, offset) = ApiQuery.Page(q);
        var list = matches.ToList();
        var items = list
            .OrderByDescending(i => i.Row.DateMin is not null).ThenByDescending(i => i.Row.DateMin, StringComparer.Ordinal).ThenByDescending(i => i.Row.Id)
            .Skip(offset).Take(size).Select(i => i.Row).ToList();
        return new { Total = list.Count, Page = page, Size = size, Items = items };
    }

    private static object Map(List<IndexedIncident> matches, IQueryCollection q)
    {
        var (south, west, north, east) = Box(ApiQuery.Text(q, "bbox"));
        var zoom = ApiQuery.Integer(q, "zoom") ?? 5;
        if (zoom is < 0 or > 22)
            throw new BadRequestException($"zoom {zoom} is not between 0 and 22");
        var inView = matches.Where(i => i.Point && i.Row.Lat >= south && i.Row.Lat <= north && i.Row.Lon >= west && i.Row.Lon <= east).ToList();
        var oblasts = matches.Where(i => i.OblastLevel && i.Row.Admin1 is not null)
            .GroupBy(i => i.Row.Admin1!)
            .Select(g => new { Admin1 = g.Key, Count = g.Count(), Casualties = g.Sum(i => i.Casualties), Types = Types(g) })
            .ToList();
        var total = matches.Count;
        var unlocated = matches.Count(i => !i.Drawable);
        if (inView.Count <= PointLimit)
        {
            var points = inView
                .OrderByDescending(i => i.Row.DateMin, StringComparer.Ordinal).ThenBy(i => i.Row.Id)
                .Select(i => new
                {
                    i.Row.Id, i.Row.Type, i.Row.Subtype, Date = i.Row.DateMin, i.Row.Place, Lat = i.Row.Lat!.Value, Lon = i.Row.Lon!.Value,
                    Killed = i.Row.KilledBest, Injured = i.Row.InjuredBest, Reports = i.Row.ReportCount,
                });
            return new { Total = total, Unlocated = unlocated, Shown = "points", InView = inView.Count, Points = points, Oblasts = oblasts };
        }
        var cell = 360.0 / Math.Pow(2, zoom) * CellPixels / 256;
        var clusters = inView
            .GroupBy(i => (Math.Floor((i.Row.Lat!.Value + 90) / cell), Math.Floor((i.Row.Lon!.Value + 180) / cell)))
            .Select(g => new
            {
                Lat = g.Average(i => i.Row.Lat!.Value),
                Lon = g.Average(i => i.Row.Lon!.Value),
                Count = g.Count(),
                Casualties = g.Sum(i => i.Casualties),
                Types = Types(g),
            });
        return new { Total = total, Unlocated = unlocated, Shown = "clusters", InView = inView.Count, Clusters = clusters, Oblasts = oblasts };
    }

    private static Dictionary<string, int> Types(IEnumerable<IndexedIncident> incidents) =>
        incidents.GroupBy(i => i.Row.Type).ToDictionary(g => g.Key, g => g.Count());

    public static IResult One(StorePool stores, long id) =>
        stores.Use(store => store.GetIncident(id) is { } incident
            ? Results.Json(IncidentView.Of(incident, store), Json.Options)
            : Results.Json(new { Error = $"no incident {id}" }, Json.Options, statusCode: StatusCodes.Status404NotFound));

    private static (double South, double West, double North, double East) Box(string? text)
    {
        if (text is null)
            return (-90, -180, 90, 180);
        var numbers = text.Split(',').Select(ApiQuery.Number).ToList();
        if (numbers.Count != 4 || numbers.Any(n => n is null))
            throw new BadRequestException($"bbox '{text}' is not WEST,SOUTH,EAST,NORTH");
        var (west, south, east, north) = (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value);
        if (south > north)
            throw new BadRequestException($"bbox '{text}': south {south} is above north {north}");
        // A view wider than the world, or across the antimeridian, asks for every longitude.
        if (east - west >= 360 || west > east)
            (west, east) = (-180, 180);
        return (south, west, north, east);
    }
}
