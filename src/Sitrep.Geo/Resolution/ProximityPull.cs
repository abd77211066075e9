namespace Sitrep.Geo.Resolution;

/// <summary>An anchor as the proximity pull weighs it: where it is, and how hard it may pull.</summary>
internal readonly record struct PullingAnchor(double Lat, double Lon, double CosLat, double Weight);

/// <summary>
/// The pull of a report's nearest other place on a candidate: the largest of each anchor's
/// weight times exp(-km / <see cref="Weights.ProximityKm"/>).
/// </summary>
internal static class ProximityPull
{
    /// <summary>
    /// The pull on the point (<paramref name="lat"/>, <paramref name="lon"/>); the same bits as
    /// taking the maximum over every anchor. Once some anchor pulls, an anchor farther than the
    /// reach at which even the heaviest of them (<paramref name="maxWeight"/>) would pull less
    /// cannot raise it: it is passed over by its latitude alone, or after its distance without the
    /// exponential. Most of a candidate's anchors lie beyond the reach of the nearest.
    /// </summary>
    public static double Of(double lat, double lon, ReadOnlySpan<PullingAnchor> anchors, double maxWeight)
    {
        var pull = 0.0;
        var reach = double.PositiveInfinity;
        // The candidate's cosine once for all its anchors, and only when one is measured.
        var cosLat = double.NaN;
        foreach (ref readonly var anchor in anchors)
        {
            // The pull is at most its weight (at no distance).
            if (anchor.Weight <= pull || GreatCircle.SurelyBeyond(lat, anchor.Lat, reach))
                continue;
            if (double.IsNaN(cosLat))
                cosLat = GreatCircle.CosLat(lat);
            var km = GreatCircle.Km(lat, lon, cosLat, anchor.Lat, anchor.Lon, anchor.CosLat);
            if (km > reach)
                continue;
            var before = pull;
            pull = Math.Max(pull, anchor.Weight * Math.Exp(-km / Weights.ProximityKm));
            if (pull != before)
                reach = Reach(pull, maxWeight);
        }
        return pull;
    }

    /// <summary>
    /// The distance beyond which no anchor of weight up to <paramref name="maxWeight"/> pulls
    /// harder than <paramref name="pull"/>, widened by a margin far above the rounding of the
    /// logarithm and the exponential, so that a skipped anchor could never have won by a last bit.
    /// Not a number while the pull is not one: then nothing is skipped, as before.
    /// </summary>
    internal static double Reach(double pull, double maxWeight) =>
        Weights.ProximityKm * Math.Log(maxWeight / pull) * (1 + 1e-9) + 1e-9;

    /// <summary>The heaviest weight among <paramref name="anchors"/>; 0 when there are none.</summary>
    public static double MaxWeight(ReadOnlySpan<PullingAnchor> anchors)
    {
        var max = 0.0;
        foreach (ref readonly var anchor in anchors)
            max = Math.Max(max, anchor.Weight);
        return max;
    }
}
