namespace Sitrep.Geo.Resolution;

/// <summary>Great-circle distance and initial bearing.</summary>
internal static class GreatCircle
{
    private const double EarthKm = 6371.0;

    public static double Km(double lat1, double lon1, double lat2, double lon2) =>
        Km(lat1, lon1, CosLat(lat1), lat2, lon2, CosLat(lat2));

    /// <summary>The cosine of a latitude, as <see cref="Km(double, double, double, double)"/> works it out.</summary>
    public static double CosLat(double lat) => Math.Cos(lat * Math.PI / 180);

    /// <summary>
    /// <see cref="Km(double, double, double, double)"/> with the latitudes' cosines worked out
    /// beforehand: one point measured against many takes its cosine once. The operations and
    /// their order are the same, so the result is the same bits.
    /// </summary>
    public static double Km(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2)
    {
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        // Each sine once: the same value squared, so the same bits as calling it twice.
        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var a = sinLat * sinLat + cosLat1 * cosLat2 * sinLon * sinLon;
        return 2 * EarthKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// True when two points are surely more than <paramref name="km"/> apart by their latitudes
    /// alone (a meridian arc is never longer than the great circle): a nearest-distance search
    /// skips the trigonometry for them. The margin keeps rounding from ever skipping a point that
    /// <see cref="Km"/> would put within reach.
    /// </summary>
    public static bool SurelyBeyond(double lat1, double lat2, double km) =>
        Math.Abs(lat2 - lat1) * Math.PI / 180 * EarthKm > km * (1 + 1e-9);

    public static double Bearing(double lat1, double lon1, double lat2, double lon2)
    {
        var p1 = lat1 * Math.PI / 180;
        var p2 = lat2 * Math.PI / 180;
        var dl = (lon2 - lon1) * Math.PI / 180;
        var y = Math.Sin(dl) * Math.Cos(p2);
        var x = Math.Cos(p1) * Math.Sin(p2) - Math.Sin(p1) * Math.Cos(p2) * Math.Cos(dl);
        return (Math.Atan2(y, x) * 180 / Math.PI + 360) % 360;
    }
}
