using System.Text.Json;
using Sitrep.Geo.Resolution;

namespace Sitrep.Geo;

/// <summary>
/// Where the war is: points (places of other events, from the same report, run or store) and
/// lines (the edges of a user's front-line map, GeoJSON polygons or lines as DeepState-style maps
/// publish). It decides between same-named villages that nothing in the text tells apart, and only
/// when one is clearly nearer than the others. No event data is built in: only what it is fed.
/// </summary>
public sealed class FrontPrior
{
    private readonly List<(double Lat, double Lon)> _points = [];
    private readonly List<(double Lat1, double Lon1, double Lat2, double Lon2)> _segments = [];

    /// <summary>True when nothing has been added.</summary>
    public bool IsEmpty => _points.Count == 0 && _segments.Count == 0;

    /// <summary>Adds the place of an event known elsewhere (another report of the run, the store).</summary>
    public FrontPrior Add(double lat, double lon)
    {
        _points.Add((lat, lon));
        return this;
    }

    /// <summary>Kilometres from a point to the nearest point or line of the prior; infinity when empty.</summary>
    public double Km(double lat, double lon)
    {
        var best = double.PositiveInfinity;
        // The asked point's cosine once for every point and segment it is measured against, and
        // only when one is: the same value each time, so the same distances.
        var cosLat = double.NaN;
        // A point surely farther than the nearest so far cannot lower the minimum: its trigonometry is skipped.
        foreach (var (plat, plon) in _points)
            if (!GreatCircle.SurelyBeyond(lat, plat, best))
            {
                if (double.IsNaN(cosLat))
                    cosLat = GreatCircle.CosLat(lat);
                best = Math.Min(best, GreatCircle.Km(lat, lon, cosLat, plat, plon, GreatCircle.CosLat(plat)));
            }
        if (_segments.Count > 0 && double.IsNaN(cosLat))
            cosLat = GreatCircle.CosLat(lat);
        foreach (var s in _segments)
            best = Math.Min(best, SegmentKm(lat, lon, cosLat, s));
        return best;
    }

    /// <summary>Reads a GeoJSON file: the outlines of its polygons and its lines become the front.</summary>
    public static FrontPrior LoadGeoJson(string path)
    {
        var prior = new FrontPrior();
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            prior.AddGeometry(doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{path}: not a GeoJSON file of polygons or lines ({e.Message})", e);
        }
        if (prior.IsEmpty)
            throw new InvalidDataException($"{path}: no polygon, line or point in this GeoJSON file");
        return prior;
    }

    private void AddGeometry(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("type", out var type))
            return;
        switch (type.GetString())
        {
            case "FeatureCollection":
                foreach (var f in e.GetProperty("features").EnumerateArray())
                    AddGeometry(f);
                break;
            case "Feature":
                if (e.TryGetProperty("geometry", out var g))
                    AddGeometry(g);
                break;
            case "GeometryCollection":
                foreach (var g2 in e.GetProperty("geometries").EnumerateArray())
                    AddGeometry(g2);
                break;
            case "Point":
                var (lat, lon) = Position(e.GetProperty("coordinates"));
                _points.Add((lat, lon));
                break;
            case "MultiPoint":
                foreach (var p in e.GetProperty("coordinates").EnumerateArray())
                    _points.Add(Position(p));
                break;
            case "LineString":
                AddLine(e.GetProperty("coordinates"));
                break;
            case "MultiLineString" or "Polygon":
                foreach (var line in e.GetProperty("coordinates").EnumerateArray())
                    AddLine(line);
                break;
            case "MultiPolygon":
                foreach (var polygon in e.GetProperty("coordinates").EnumerateArray())
                    foreach (var ring in polygon.EnumerateArray())
                        AddLine(ring);
                break;
        }
    }

    private void AddLine(JsonElement coordinates)
    {
        (double Lat, double Lon)? previous = null;
        foreach (var p in coordinates.EnumerateArray())
        {
            var here = Position(p);
            if (previous is { } a)
                _segments.Add((a.Lat, a.Lon, here.Lat, here.Lon));
            previous = here;
        }
    }

    // GeoJSON positions are [longitude, latitude].
    private static (double Lat, double Lon) Position(JsonElement p) => (p[1].GetDouble(), p[0].GetDouble());

    /// <summary>Distance to a short segment, on a local flat projection (front segments are a few km long).</summary>
    private static double SegmentKm(double lat, double lon, double k, (double Lat1, double Lon1, double Lat2, double Lon2) s)
    {
        double ax = (s.Lon1 - lon) * k, ay = s.Lat1 - lat, bx = (s.Lon2 - lon) * k, by = s.Lat2 - lat;
        double dx = bx - ax, dy = by - ay;
        var len = dx * dx + dy * dy;
        var t = len == 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / len, 0, 1);
        double px = ax + t * dx, py = ay + t * dy;
        return Math.Sqrt(px * px + py * py) * 111.195;
    }
}
