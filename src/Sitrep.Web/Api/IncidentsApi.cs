using Microsoft.AspNetCore.Http;
using Sitrep.Store;
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

    public static object List(StorePool stores, IQueryCollection q)
    {
        var query = ApiQuery.Read(q);
        if (ApiQuery.Text(q, "level") is { } level)
            query = query with { OblastLevel = level switch
            {
                "oblast" => true,
                "point" => false,
                _ => throw new BadRequestException($"level '{level}' is neither oblast nor point"),
            } };
        if (ApiQuery.Text(q, "view") is { } view)
            return view == "map" ? Map(stores, q, query) : throw new BadRequestException($"view '{view}' is not map");
        var (page, size, offset) = ApiQuery.Page(q);
        return stores.Use(store =>
        {
            var (total, _) = store.CountIncidents(query);
            return new { Total = total, Page = page, Size = size, Items = store.IncidentPage(query, offset, size) };
        });
    }

    private static object Map(StorePool stores, IQueryCollection q, DashboardQuery query)
    {
        var box = Box(ApiQuery.Text(q, "bbox"));
        var zoom = ApiQuery.Integer(q, "zoom") ?? 5;
        if (zoom is < 0 or > 22)
            throw new BadRequestException($"zoom {zoom} is not between 0 and 22");
        var cell = 360.0 / Math.Pow(2, zoom) * CellPixels / 256;
        return stores.Use(store =>
        {
            var (total, unlocated) = store.CountIncidents(query);
            var cells = store.MapCells(query, box, cell);
            var inView = cells.Sum(c => c.Count);
            var oblasts = store.OblastCounts(query)
                .GroupBy(o => o.Admin1)
                .Select(g => new
                {
                    Admin1 = g.Key,
                    Count = g.Sum(o => o.Count),
                    Casualties = g.Sum(o => o.Casualties),
                    Types = g.ToDictionary(o => o.Type, o => o.Count),
                })
                .ToList();
            if (inView <= PointLimit)
                return (object)new { Total = total, Unlocated = unlocated, Shown = "points", InView = inView, Points = store.MapPoints(query, box, PointLimit), Oblasts = oblasts };
            var clusters = cells
                .GroupBy(c => (c.Gy, c.Gx))
                .Select(g =>
                {
                    var count = g.Sum(c => c.Count);
                    return new
                    {
                        Lat = g.Sum(c => c.SumLat) / count,
                        Lon = g.Sum(c => c.SumLon) / count,
                        Count = count,
                        Casualties = g.Sum(c => c.Casualties),
                        Types = g.ToDictionary(c => c.Type, c => c.Count),
                    };
                })
                .ToList();
            return new { Total = total, Unlocated = unlocated, Shown = "clusters", InView = inView, Clusters = clusters, Oblasts = oblasts };
        });
    }

    public static IResult One(StorePool stores, long id) =>
        stores.Use(store => store.GetIncident(id) is { } incident
            ? Results.Json(IncidentView.Of(incident, store), Json.Options)
            : Results.Json(new { Error = $"no incident {id}" }, Json.Options, statusCode: StatusCodes.Status404NotFound));

    private static MapBox Box(string? text)
    {
        if (text is null)
            return new MapBox(-90, -180, 90, 180);
        var parts = text.Split(',');
        var numbers = parts.Select(ApiQuery.Number).ToList();
        if (numbers.Count != 4 || numbers.Any(n => n is null))
            throw new BadRequestException($"bbox '{text}' is not WEST,SOUTH,EAST,NORTH");
        var (west, south, east, north) = (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value);
        if (south > north)
            throw new BadRequestException($"bbox '{text}': south {south} is above north {north}");
        // A view wider than the world, or across the antimeridian, asks for every longitude.
        if (east - west >= 360 || west > east)
            (west, east) = (-180, 180);
        return new MapBox(Math.Max(-90, south), Math.Max(-180, west), Math.Min(90, north), Math.Min(180, east));
    }
}
