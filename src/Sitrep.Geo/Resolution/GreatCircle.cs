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

    /// <summary>
    /// A lower bound of the square of <see cref="Km(double, double, double, double, double, double)"/>
    /// without its sines and arcsine, from their series: sin(x) ≥ x − x³/6 for x ≥ 0 and
    /// asin(y) ≥ y + y³/6 on [0, 1], so with a = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2) bounded
    /// below by a', the distance is at least 2R (y + y³/6) for y = √a'. Within 0.1 % of the
    /// square for points a few hundred kilometres apart, 1 % at a quarter of the globe. Not a
    /// number when a coordinate is not one.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double FloorSquared(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2)
    {
        var halfLat = Math.Abs(lat2 - lat1) * Math.PI / 360;
        // sin²(Δλ/2) is the same the short way round the globe, so both half angles are at most π/2.
        var lonDegrees = Math.Abs(lon2 - lon1);
        var halfLon = (lonDegrees > 180 ? 360 - lonDegrees : lonDegrees) * Math.PI / 360;
        var sinLat = halfLat * (1 - halfLat * halfLat / 6);
        var sinLon = halfLon * (1 - halfLon * halfLon / 6);
        var a = Math.Min(1, sinLat * sinLat + cosLat1 * cosLat2 * sinLon * sinLon);
        var arc = 1 + a / 6;
        return 4 * EarthKm * EarthKm * a * arc * arc;
    }

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
