namespace Sitrep.Store;

/// <summary>Great-circle distances; the store's only geometry.</summary>
internal static class GeoMath
{
    private const double EarthRadiusKm = 6371.0088;

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = ToRadians(lat2 - lat1);
        var dLon = ToRadians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>A latitude/longitude box that contains every point within <paramref name="km"/> of the centre, for an index range scan before the exact distance.</summary>
    public static (double LatMin, double LatMax, double LonMin, double LonMax) BoundingBox(double lat, double lon, double km)
    {
        var dLat = km / 111.0;
        var cos = Math.Cos(ToRadians(Math.Min(89.0, Math.Abs(lat) + dLat)));
        var dLon = km / (111.320 * Math.Max(cos, 0.01));
        return (lat - dLat, lat + dLat, lon - dLon, lon + dLon);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;
}
