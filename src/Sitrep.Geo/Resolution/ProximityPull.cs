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
        // ln(maxWeight / weight) for the last weight that pulled: the reach needs it, and a report's anchors have a weight or two.
        double loggedWeight = double.NaN, logRatio = 0;
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
            {
                if (anchor.Weight != loggedWeight)
                    (loggedWeight, logRatio) = (anchor.Weight, anchor.Weight == maxWeight ? 0 : Math.Log(maxWeight / anchor.Weight));
                reach = Reach(km, logRatio);
            }
        }
        return pull;
    }

    /// <summary>
    /// The distance beyond which no anchor pulls harder than an anchor at <paramref name="km"/>
    /// did: its pull is weight · exp(-km / P), and the heaviest weight reaches that pull at
    /// km + P · <paramref name="logRatio"/> (ln of the heaviest weight over its own), so no
    /// logarithm of the pull is taken. Widened by a margin far above the rounding of the
    /// exponential and of the sum, so that a skipped anchor could never have won by a last bit.
    /// Not a number when the distance is not one: then nothing is skipped, as before.
    /// </summary>
    internal static double Reach(double km, double logRatio) =>
        (km + Weights.ProximityKm * logRatio) * (1 + 1e-9) + 1e-9;

    /// <summary>The heaviest weight among <paramref name="anchors"/>; 0 when there are none.</summary>
    public static double MaxWeight(ReadOnlySpan<PullingAnchor> anchors)
    {
        var max = 0.0;
        foreach (ref readonly var anchor in anchors)
            max = Math.Max(max, anchor.Weight);
        return max;
    }
}
